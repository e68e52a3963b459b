// Where a service's rollout stands, read from its deployments (aws-behaviour.md §3). DescribeServices has
// no "rolled back" flag, so a rollback is recognised from the rollout reason the circuit breaker writes,
// from a FAILED deployment newer than the PRIMARY (a rollback restores an older deployment, keeping its
// id), or from the "rolling back to deployment …" service event naming the PRIMARY.
import { formatDuration } from "./format";
import type { Deployment, Service } from "./types";

export type RolloutKind = "stable" | "in-progress" | "failed" | "rolled-back" | "stuck";

/** Who made ECS roll back: its circuit breaker, deployment alarms, a StopServiceDeployment, or unknown. */
export type RollbackCause = "circuit-breaker" | "alarm" | "stop" | "ecs";

export interface RolloutSummary {
  kind: RolloutKind;
  /** For "rolled-back": who caused it, and the deployment rolled back from when ECS still lists it. */
  rollback?: { cause: RollbackCause; fromDeploymentId?: string };
  label: string;
  detail?: string;
  primary?: Deployment;
  startedAt?: Date;
  progress: { desired: number; running: number; pending: number };
}

export const DEFAULT_STUCK_AFTER_MS = 30 * 60_000;

// ECS writes "<who>: rolling back to deploymentId …" on the deployment it rolls back to.
const ROLLING_BACK_REASON = /rolling back to deploymentId/i;
const CAUSES: ReadonlyArray<[RegExp, RollbackCause]> = [
  [/StopServiceDeployment|deployment stopped|stopped by/i, "stop"],
  [/alarm/i, "alarm"],
  [/circuit breaker/i, "circuit-breaker"],
];
const WHO: Record<RollbackCause, string> = {
  "circuit-breaker": "The circuit breaker rolled back",
  alarm: "Deployment alarms rolled back",
  stop: "The deployment was stopped (StopServiceDeployment) and ECS rolled back",
  ecs: "ECS rolled back",
};

/** The cause named by the reasons ECS wrote, the rolled-back-to deployment's first. */
export function rollbackCause(...reasons: Array<string | undefined>): RollbackCause {
  for (const reason of reasons) {
    const found = CAUSES.find(([pattern]) => pattern.test(reason ?? ""));
    if (found) return found[1];
  }
  return "ecs";
}
const ROLLBACK_EVENT = /rolling back to deployment (ecs-svc\/\d+)/;

/** The service's PRIMARY deployment (ECS lists it first in practice, but the order is not documented). */
export function primaryOf(service: Service): Deployment | undefined {
  return service.deployments.find((d) => d.status === "PRIMARY");
}

/** The deployment the latest "rolling back to deployment …" event names, when one is in the event list. */
function rollbackTarget(service: Service): string | undefined {
  for (const event of service.events) {
    const match = ROLLBACK_EVENT.exec(event.message);
    if (match) return match[1];
  }
  return undefined;
}

function summary(kind: RolloutKind, label: string, detail: string | undefined, service: Service, primary?: Deployment): RolloutSummary {
  const counts = primary ?? service;
  return {
    kind,
    label,
    ...(detail !== undefined && { detail }),
    ...(primary && { primary }),
    ...(primary?.createdAt && { startedAt: primary.createdAt }),
    progress: { desired: counts.desiredCount, running: counts.runningCount, pending: counts.pendingCount },
  };
}

/** True only when both creation times are known and `a` was created before `b`. */
function olderThan(a: Deployment, b: Deployment): boolean {
  return a.createdAt !== undefined && b.createdAt !== undefined && a.createdAt < b.createdAt;
}

function classifyRollback(service: Service, primary: Deployment): RolloutSummary | undefined {
  const failed = service.deployments.find((d) => d !== primary && d.rolloutState === "FAILED" && !olderThan(d, primary));
  const rollingBack = ROLLING_BACK_REASON.test(primary.rolloutStateReason ?? "") || failed !== undefined;
  const rolledBackTo = rollbackTarget(service) === primary.id;
  if (!rollingBack && !rolledBackTo) return undefined;

  const done = primary.rolloutState === "COMPLETED" && service.deployments.length === 1;
  const why = failed?.rolloutStateReason ?? (rollingBack ? primary.rolloutStateReason : undefined);
  const cause = rollbackCause(primary.rolloutStateReason, failed?.rolloutStateReason);
  const detail = `${WHO[cause]} to ${primary.id}${why ? `: ${why}` : "."}`;
  return {
    ...summary("rolled-back", done ? "Rolled back" : "Rolling back", detail, service, primary),
    rollback: { cause, ...(failed && { fromDeploymentId: failed.id }) },
  };
}

function classifyInProgress(service: Service, primary: Deployment, now: Date, stuckAfterMs: number): RolloutSummary {
  const label = `Deploying ${primary.runningCount}/${primary.desiredCount}`;
  if (primary.failedTasks > 0 && primary.runningCount === 0) {
    const detail = `${primary.failedTasks} ${primary.failedTasks === 1 ? "task" : "tasks"} failed to start; none running`;
    return summary("stuck", "Stuck", detail, service, primary);
  }
  const elapsed = primary.createdAt ? now.getTime() - primary.createdAt.getTime() : 0;
  if (elapsed > stuckAfterMs) {
    return summary("stuck", "Stuck", `In progress for ${formatDuration(elapsed)}`, service, primary);
  }
  return summary("in-progress", label, primary.rolloutStateReason, service, primary);
}

export function classifyRollout(service: Service, opts: { now: Date; stuckAfterMs?: number }): RolloutSummary {
  const primary = primaryOf(service);
  if (!primary) return summary("stable", "No deployment", undefined, service);

  const rollback = classifyRollback(service, primary);
  if (rollback) return rollback;
  if (primary.rolloutState === "FAILED") return summary("failed", "Failed", primary.rolloutStateReason, service, primary);

  // Without rolloutState (CODE_DEPLOY, EXTERNAL, classic load balancers) fall back to the ServicesStable test.
  const settled =
    primary.rolloutState === "COMPLETED" ||
    (primary.rolloutState === undefined && service.deployments.length === 1 && primary.runningCount === primary.desiredCount);
  if (settled) return summary("stable", "Stable", undefined, service, primary);
  return classifyInProgress(service, primary, opts.now, opts.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS);
}
