import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Digest } from "@/components/ui/digest";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { DigestDrift, TaskView } from "@/lib/queries/types";

const STATUS_TONE: Record<string, "ok" | "info" | "warn" | "danger"> = {
  RUNNING: "ok",
  PENDING: "info",
  PROVISIONING: "info",
  ACTIVATING: "info",
  DEACTIVATING: "warn",
  STOPPING: "warn",
  STOPPED: "danger",
};

function DriftWarning({ drift }: { drift: DigestDrift }) {
  const drifting = drift.byContainer.filter((c) => c.digests.length > 1);
  return (
    <div role="status" className="border-b border-warn/30 bg-warn-soft px-4 py-2 text-xs text-warn">
      <p className="font-semibold">Digest drift: tasks of this service run different images</p>
      <ul className="mt-1 space-y-0.5 text-fg">
        {drifting.map((c) => (
          <li key={c.container}>
            <span className="font-medium">{c.container}</span>:{" "}
            {c.digests.map((d) => `${d.digest.slice(0, 19)} (${d.taskCount} ${d.taskCount === 1 ? "task" : "tasks"})`).join(", ")}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-muted">A mutable tag was re-pushed, or a deployment is still replacing tasks. Pin images by digest to avoid this.</p>
    </div>
  );
}

/** Running and pending tasks with the digest each container actually runs. */
export function TasksCard({ tasks, drift, serverNow }: { tasks: TaskView[]; drift: DigestDrift; serverNow: number }) {
  return (
    <Card title="Tasks" description={`${tasks.length} running or pending`} flush>
      {drift.drift && <DriftWarning drift={drift} />}
      {tasks.length === 0 ? (
        <EmptyState title="No running tasks" />
      ) : (
        <Table caption="Running and pending tasks">
          <colgroup>
            <col className="w-36" />
            <col className="w-32" />
            <col className="w-28" />
            <col />
            <col className="w-24" />
          </colgroup>
          <THead>
            <tr>
              <Th>Task</Th>
              <Th>Revision</Th>
              <Th>Status</Th>
              <Th>Container digests</Th>
              <Th>Started</Th>
            </tr>
          </THead>
          <TBody>
            {tasks.map(({ task, id, revision }) => (
              <tr key={task.arn}>
                <td>
                  <code className="block truncate" title={task.arn}>
                    {id}
                  </code>
                </td>
                <td>
                  <code>{revision.label}</code>
                </td>
                <td>
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={STATUS_TONE[task.lastStatus] ?? "neutral"}>{task.lastStatus}</Badge>
                    {task.healthStatus && task.healthStatus !== "UNKNOWN" && (
                      <Badge tone={task.healthStatus === "HEALTHY" ? "ok" : "danger"}>{task.healthStatus.toLowerCase()}</Badge>
                    )}
                  </div>
                </td>
                <td data-wide="">
                  <ul className="space-y-0.5">
                    {task.containers.map((c) => (
                      <li key={c.name} className="flex items-center gap-2">
                        <span className="w-24 shrink-0 truncate text-xs text-muted">{c.name}</span>
                        {c.imageDigest ? <Digest value={c.imageDigest} /> : <span className="text-xs text-subtle">not resolved yet</span>}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="text-xs text-muted" data-label="Started">{task.startedAt ? <TimeAgo at={task.startedAt.getTime()} serverNow={serverNow} /> : "—"}</td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
