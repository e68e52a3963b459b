import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { DeploymentView } from "@/lib/queries/types";

const STATE_TONE = { COMPLETED: "ok", IN_PROGRESS: "info", FAILED: "danger" } as const;

/** The service's current deployments (PRIMARY first) with live task progress. */
export function DeploymentsCard({ deployments, serverNow }: { deployments: DeploymentView[]; serverNow: number }) {
  return (
    <Card title="Deployments" description="PRIMARY is the deployment the service is moving to; ACTIVE ones are draining." flush>
      <Table caption="Current deployments">
        <colgroup>
          <col className="w-24" />
          <col className="w-36" />
          <col className="w-32" />
          <col />
          <col className="w-48" />
          <col className="w-24" />
        </colgroup>
        <THead>
          <tr>
            <Th>Status</Th>
            <Th>Revision</Th>
            <Th>Rollout</Th>
            <Th>Reason</Th>
            <Th>Tasks</Th>
            <Th>Started</Th>
          </tr>
        </THead>
        <TBody>
          {deployments.map(({ deployment: d, revision, isPrimary }) => {
            const state = d.rolloutState;
            const tone = state ? STATE_TONE[state] : "neutral";
            return (
              <tr key={d.id}>
                <td>
                  <Badge tone={isPrimary ? "accent" : "neutral"}>{d.status}</Badge>
                </td>
                <td>
                  <code title={d.id}>
                    {revision.label}
                  </code>
                </td>
                <td>{state ? <Badge tone={tone}>{state.replace("_", " ")}</Badge> : <span className="text-subtle">—</span>}</td>
                <td className="text-xs break-words text-muted">{d.rolloutStateReason ?? "—"}</td>
                <td className="max-md:w-40">
                  <div className="flex flex-col gap-1">
                    <span className="text-xs tabular-nums">
                      <span className="font-medium">{d.runningCount}</span>
                      <span className="text-muted">/{d.desiredCount} running</span>
                      {d.pendingCount > 0 && <span className="text-info"> · {d.pendingCount} pending</span>}
                      {d.failedTasks > 0 && <span className="text-danger"> · {d.failedTasks} failed</span>}
                    </span>
                    <ProgressBar
                      running={d.runningCount}
                      pending={d.pendingCount}
                      desired={d.desiredCount}
                      tone={tone === "neutral" ? "info" : tone}
                      label={`${d.status} deployment ${revision.label} tasks`}
                    />
                  </div>
                </td>
                <td className="text-xs text-muted" data-label="Started">{d.createdAt ? <TimeAgo at={d.createdAt.getTime()} serverNow={serverNow} /> : "—"}</td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
