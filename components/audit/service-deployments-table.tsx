import { Badge, type Tone } from "@/components/ui/badge";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/time-format";
import { TimeAgo } from "@/components/ui/time-ago";
import { taskDefinitionLabel } from "@/lib/domain/arn";
import { formatDuration } from "@/lib/domain/format";
import type { ServiceDeploymentRecord } from "@/lib/domain/types";
import type { RevisionRef } from "@/lib/queries/types";

export interface DeploymentHistoryRow {
  record: ServiceDeploymentRecord;
  target?: RevisionRef;
  sources: RevisionRef[];
}

const STATUS_TONE: Record<string, Tone> = {
  SUCCESSFUL: "ok",
  IN_PROGRESS: "info",
  PENDING: "info",
  ROLLBACK_REQUESTED: "warn",
  ROLLBACK_IN_PROGRESS: "warn",
  ROLLBACK_SUCCESSFUL: "warn",
  ROLLBACK_FAILED: "danger",
  STOPPED: "danger",
  STOP_REQUESTED: "warn",
};

/**
 * ECS service deployments of one service, newest first (the service page). They come from ECS itself
 * (ListServiceDeployments), so every row is marked as made through ECS/CI; the Audit page's timeline
 * tells our operations apart.
 */
export function ServiceDeploymentsTable({ rows, serverNow, caption }: { rows: DeploymentHistoryRow[]; serverNow: number; caption: string }) {
  // ListServiceDeployments alone does not say which revisions changed; show the column only when known.
  const withChange = rows.some((r) => r.target || r.sources.length > 0 || r.record.targetTaskDefinitionArn);
  return (
    <Table caption={caption} className="deployments-table">
      <colgroup>
        <col className="w-40" />
        <col className="w-60" />
        {withChange && <col className="w-52" />}
        <col />
        <col className="w-24" />
      </colgroup>
      <THead>
        <tr>
          <Th>Started</Th>
          <Th>Status</Th>
          {withChange && <Th>Change</Th>}
          <Th>Reason</Th>
          <Th>Took</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map(({ record: r, target, sources }) => {
          const started = r.startedAt ?? r.createdAt;
          const ended = r.finishedAt ?? r.stoppedAt;
          return (
            <tr key={r.arn}>
              <td className="text-xs">
                {started ? (
                  <>
                    <span className="block tabular-nums">{formatDateTime(started)}</span>
                    <span className="text-muted">
                      <TimeAgo at={started.getTime()} serverNow={serverNow} />
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>
                <div className="flex flex-wrap gap-1">
                  <Badge tone={STATUS_TONE[r.status] ?? "neutral"}>{r.status.replaceAll("_", " ").toLowerCase()}</Badge>
                  <Badge title="Made outside the dashboard (CI, console or API); read from ECS">via ECS/CI</Badge>
                </div>
              </td>
              {withChange && (
                <td className="font-mono text-xs">
                  <span className="text-muted">{sources.map((s) => s.label).join(", ") || "—"}</span>
                  <span aria-label="to"> → </span>
                  <span title={r.targetTaskDefinitionArn}>{target?.label ?? (r.targetTaskDefinitionArn && taskDefinitionLabel(r.targetTaskDefinitionArn)) ?? "—"}</span>
                </td>
              )}
              <td className="text-xs break-words text-muted">{r.rollbackReason ?? r.statusReason ?? "—"}</td>
              <td className="text-xs text-muted tabular-nums">{started && ended ? formatDuration(ended.getTime() - started.getTime()) : "—"}</td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
