import Link from "next/link";
import { InactiveRevisionBadge } from "@/components/overview/inactive-revision-badge";
import { CommitLink } from "@/components/ui/commit-link";
import { Digest } from "@/components/ui/digest";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ServiceDetail } from "@/lib/queries/types";

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">{label}</dt>
      <dd className="mt-0.5 truncate tabular-nums">{children}</dd>
    </div>
  );
}

/** The answer to "what is this service running?" at a glance: counts, revision, images, commits. */
export function ServiceSummary({ detail, serverNow }: { detail: ServiceDetail; serverNow: number }) {
  const { row, service } = detail;
  const cb = service.deploymentSettings.circuitBreaker;
  return (
    <div className="rounded-lg border border-border bg-surface shadow-xs">
      <dl className="grid grid-cols-2 gap-4 border-b border-border px-4 py-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Revision">
          <code>{row.revision.label}</code>
          {row.revisionInactive && (
            <span className="ml-1.5">
              <InactiveRevisionBadge />
            </span>
          )}
        </Stat>
        <Stat label="Tasks">
          <span className="font-medium">{service.runningCount}</span>
          <span className="text-muted"> running / {service.desiredCount} desired</span>
        </Stat>
        <Stat label="Pending">{service.pendingCount}</Stat>
        <Stat label="Deployed">{row.deploymentStartedAt ? <TimeAgo at={row.deploymentStartedAt.getTime()} serverNow={serverNow} /> : "—"}</Stat>
        <Stat label="Circuit breaker">{cb?.enable ? (cb.rollback ? "on, rolls back" : "on, no rollback") : "off"}</Stat>
        <Stat label="Controller">
          {service.deploymentController}
          {service.status !== "ACTIVE" && <span className="text-warn"> · {service.status}</span>}
        </Stat>
      </dl>
      <ul aria-label="Containers now running" className="divide-y divide-border">
        {row.containers.map((c) => (
          <li key={c.container} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 px-4 py-2 md:grid-cols-[8rem_minmax(0,1fr)_7rem_12rem]">
            <span className="truncate text-xs font-medium">{c.container}</span>
            <span className="min-w-0 truncate font-mono text-xs max-md:order-last max-md:col-span-2" title={c.image}>
              {c.repository ? (
                <Link href={`/repositories/${detail.envId}/${encodeURIComponent(c.repository)}`} className="text-accent hover:underline">
                  {c.repository}
                </Link>
              ) : (
                c.image
              )}
              {c.tag && <span className="text-muted">:{c.tag}</span>}
            </span>
            <span>{c.commit ? <CommitLink sha={c.commit.sha} shortSha={c.commit.shortSha} url={c.commit.url} /> : <span className="text-subtle">no commit tag</span>}</span>
            <span>
              {c.runningDigests[0] ? (
                <Digest
                  value={c.runningDigests[0]}
                  href={c.repository ? `/repositories/${detail.envId}/${encodeURIComponent(c.repository)}/images/${c.runningDigests[0]}` : undefined}
                />
              ) : (
                <span className="text-xs text-subtle">no running task</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
