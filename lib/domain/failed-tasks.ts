// Which stopped tasks explain an outcome that is not a success. Only tasks that failed are causes: a
// task the scheduler stopped cleanly (a scale-down or a replacement, exit code 0) is ECS doing its job.
import { arnResourceTail, taskDefinitionLabel } from "./arn";
import type { Task } from "./types";

export interface StoppedTaskReason {
  task: string;
  revision: string;
  reason: string;
  at?: string;
}

const HEALTH_CHECK_FAILURE = /health ?check/i;

/** A task that failed: it never started, a container exited non-zero, or it was stopped for failing health checks. */
export function taskFailed(task: Task): boolean {
  if (task.stopCode === "TaskFailedToStart") return true;
  if (task.containers.some((c) => c.exitCode !== undefined && c.exitCode !== 0)) return true;
  if (HEALTH_CHECK_FAILURE.test(task.stoppedReason ?? "")) return true;
  // An essential container exited without an exit code ECS could read (e.g. it never ran).
  return task.stopCode === "EssentialContainerExited" && !task.containers.some((c) => c.exitCode === 0);
}

/** Why tasks failed, for an outcome that is not a success: one line per distinct reason, failed tasks only. */
export function failedTaskReasons(tasks: readonly Task[]): StoppedTaskReason[] {
  const seen = new Set<string>();
  const out: StoppedTaskReason[] = [];
  for (const t of tasks) {
    if (!taskFailed(t)) continue;
    const container = t.containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0) ?? t.containers.find((c) => c.reason || c.exitCode !== undefined);
    const reason = [t.stoppedReason, container?.reason, container?.exitCode !== undefined ? `exit code ${container.exitCode}` : undefined].filter(Boolean).join(" — ");
    if (!reason || seen.has(reason)) continue;
    seen.add(reason);
    out.push({ task: arnResourceTail(t.arn), revision: taskDefinitionLabel(t.taskDefinitionArn), reason, ...(t.stoppedAt && { at: t.stoppedAt.toISOString() }) });
  }
  return out;
}
