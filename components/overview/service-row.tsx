import Link from "next/link";
import { RolloutBadge } from "@/components/rollout/rollout-badge";
import { Badge } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ServiceRow as Row } from "@/lib/queries/types";
import { ContainerCommits, ContainerDigests, ContainerTags } from "./container-images";

/**
 * One service as plain server HTML. `filterText` and `hidden` make it a row of the overview filter
 * (see apply-filter.ts): the browser toggles `hidden`, the server sets it for `?q=` on first paint.
 */
export function ServiceRow({ row, filterText, hidden, serverNow }: { row: Row; filterText: string; hidden: boolean; serverNow: number }) {
  const name = (
    <Link href={row.links.page} className="block truncate font-medium text-fg hover:text-accent hover:underline">
      {row.name}
    </Link>
  );
  // Most services carry no flag: their name cell is the bare link, without the wrapping stack.
  const flagged = row.status !== "ACTIVE" || row.digestDrift;
  return (
    <tr data-filter-text={filterText} hidden={hidden || undefined}>
      <td>
        {flagged ? (
          <div className="flex min-w-0 flex-col gap-0.5">
            {name}
            <div className="flex flex-wrap gap-1">
              {row.status !== "ACTIVE" && <Badge tone="warn">{row.status}</Badge>}
              {row.digestDrift && (
                <Badge tone="warn" title="Tasks of this service run different image digests for the same container">
                  digest drift
                </Badge>
              )}
            </div>
          </div>
        ) : (
          name
        )}
      </td>
      <td className="code truncate" title={row.revision.arn}>
        {row.revision.label}
      </td>
      <ContainerTags containers={row.containers} />
      <ContainerCommits containers={row.containers} />
      <ContainerDigests containers={row.containers} envId={row.envId} />
      <td className="space-y-1">
        <span className="block text-xs text-muted" title="running / desired (pending)">
          <span className="font-medium text-fg">{row.runningCount}</span>
          {`/${row.desiredCount}`}
          {row.pendingCount > 0 && <span className="text-info">{` +${row.pendingCount} pending`}</span>}
        </span>
        <ProgressBar
          running={row.runningCount}
          pending={row.pendingCount}
          desired={row.desiredCount}
          tone={row.rollout.kind === "in-progress" ? "info" : row.runningCount >= row.desiredCount ? "ok" : "warn"}
          label={`${row.name} tasks`}
        />
      </td>
      <td>
        <RolloutBadge rollout={row.rollout} />
      </td>
      <td className="text-xs text-muted">
        {row.deploymentStartedAt ? <TimeAgo at={row.deploymentStartedAt.getTime()} serverNow={serverNow} /> : "—"}
      </td>
    </tr>
  );
}
