"use client";

import { RolloutBadge } from "@/components/rollout/rollout-badge";
import { Badge } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { TimeAgo } from "@/components/ui/time-ago";
import { InactiveRevisionBadge } from "./inactive-revision-badge";
import { ContainerCommits, ContainerDigests, ContainerTags } from "./container-images";
import type { ServiceRowView } from "./row-view";

/**
 * The services of one cluster table. A client component on purpose (see row-view.ts): the page's
 * payload then holds each row's data once, not its element tree. The rows are still plain HTML on
 * first paint (server-rendered) with the data-filter-* markers of apply-filter.ts.
 */
export function ServiceRows({ rows, serverNow }: { rows: ServiceRowView[]; serverNow: number }) {
  return rows.map((row) => <ServiceRow key={row.name} row={row} serverNow={serverNow} />);
}

function ServiceRow({ row, serverNow }: { row: ServiceRowView; serverNow: number }) {
  // A plain anchor, not next/link: see SoftNavigation.
  const name = (
    <a href={row.href} className="row-link">
      {row.name}
    </a>
  );
  // Most services carry no flag: their name cell is the bare link, without the wrapping stack.
  const flagged = row.status !== "ACTIVE" || row.digestDrift || row.revisionInactive;
  return (
    <tr data-filter-text={row.filterText} hidden={row.hidden || undefined}>
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
              {row.revisionInactive && <InactiveRevisionBadge />}
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
      <ContainerDigests containers={row.containers} />
      <td className="cell-lines">
        <span className="block text-xs text-muted" title="running / desired (pending)">
          <span className="font-medium text-fg">{row.running}</span>
          {`/${row.desired}`}
          {row.pending > 0 && <span className="text-info">{` +${row.pending} pending`}</span>}
        </span>
        <ProgressBar running={row.running} pending={row.pending} desired={row.desired} tone={row.tone} label={`${row.name} tasks`} />
      </td>
      <td>
        <RolloutBadge rollout={row.rollout} />
      </td>
      <td className="text-xs text-muted">{row.deployedAt !== undefined ? <TimeAgo at={row.deployedAt} serverNow={serverNow} /> : "—"}</td>
    </tr>
  );
}
