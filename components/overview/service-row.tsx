import Link from "next/link";
import { RolloutBadge } from "@/components/rollout/rollout-badge";
import { Badge } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Td, Tr } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ServiceRow as Row } from "@/lib/queries/types";
import { ContainerCommits, ContainerDigests, ContainerTags } from "./container-images";

/** Everything the filter box can match for a service: names, revision, tags, images, SHAs, digests. */
export function serviceSearchText(row: Row): string {
  return [
    row.envId,
    row.cluster,
    row.name,
    row.revision.label,
    ...row.containers.flatMap((c) => [c.container, c.image, c.tag ?? "", c.commit?.sha ?? "", ...c.runningDigests]),
  ].join(" ");
}

export function ServiceRow({ row, serverNow }: { row: Row; serverNow: number }) {
  return (
    <Tr>
      <Td>
        <div className="flex min-w-0 flex-col gap-0.5">
          <Link href={row.links.page} className="truncate font-medium text-fg hover:text-accent hover:underline">
            {row.name}
          </Link>
          <div className="flex flex-wrap gap-1">
            {row.status !== "ACTIVE" && <Badge tone="warn">{row.status}</Badge>}
            {row.digestDrift && (
              <Badge tone="warn" title="Tasks of this service run different image digests for the same container">
                digest drift
              </Badge>
            )}
          </div>
        </div>
      </Td>
      <Td>
        <code className="block truncate font-mono text-xs" title={row.revision.arn}>
          {row.revision.label}
        </code>
      </Td>
      <Td className="overflow-hidden">
        <ContainerTags containers={row.containers} />
      </Td>
      <Td>
        <ContainerCommits containers={row.containers} />
      </Td>
      <Td>
        <ContainerDigests containers={row.containers} envId={row.envId} />
      </Td>
      <Td>
        <div className="flex flex-col gap-1">
          <span className="text-xs tabular-nums" title="running / desired (pending)">
            <span className="font-medium">{row.runningCount}</span>
            <span className="text-muted">/{row.desiredCount}</span>
            {row.pendingCount > 0 && <span className="text-info"> +{row.pendingCount} pending</span>}
          </span>
          <ProgressBar
            running={row.runningCount}
            pending={row.pendingCount}
            desired={row.desiredCount}
            tone={row.rollout.kind === "in-progress" ? "info" : row.runningCount >= row.desiredCount ? "ok" : "warn"}
            label={`${row.name} tasks`}
          />
        </div>
      </Td>
      <Td>
        <RolloutBadge rollout={row.rollout} />
      </Td>
      <Td className="text-xs text-muted">
        {row.deploymentStartedAt ? <TimeAgo at={row.deploymentStartedAt.getTime()} serverNow={serverNow} /> : "—"}
      </Td>
    </Tr>
  );
}
