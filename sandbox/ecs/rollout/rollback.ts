// Failing a deployment and rolling back (§3.2, §8.2): shared by the circuit breaker, deployment alarms
// and StopServiceDeployment. The last COMPLETED deployment becomes PRIMARY again under its old id; the
// failed one drains as ACTIVE, and its service-deployment record follows the rollback to its end.
import type { Deployment, Service, ServiceDeploymentStatus } from "../types";
import { addEvent, messages } from "./events";
import type { SimContext } from "./task-lifecycle";

/** Why a deployment failed: its rolloutStateReason and the service event that announces it. */
export interface Failure {
  reason: string;
  event?: string;
  /** The rolloutStateReason of the deployment rolled back to, given its id. */
  rollingBack: (targetId: string) => string;
}

const FINISHED: ReadonlySet<ServiceDeploymentStatus> = new Set(["SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"]);

export const isFinished = (status: ServiceDeploymentStatus) => FINISHED.has(status);

function lastCompleted(service: Service, failed: Deployment): Deployment | undefined {
  for (let i = service.history.length - 1; i >= 0; i--) {
    const old = service.history[i];
    if (old && old !== failed && old.rolloutState === "COMPLETED") return old;
  }
  return undefined;
}

/** Mark `d` FAILED; with `rollback`, roll back to the last COMPLETED deployment, else the record ends STOPPED. */
export function failDeployment(ctx: SimContext, d: Deployment, at: number, failure: Failure, rollback: boolean): void {
  d.rolloutState = "FAILED";
  d.rolloutStateReason = failure.reason;
  d.updatedAt = at;
  d.record.timerAt = undefined;
  if (failure.event) addEvent(ctx.ids, d.service, at, failure.event);
  if (!rollback) {
    Object.assign(d.record, { status: "STOPPED", statusReason: failure.reason, stoppedAt: at, updatedAt: at });
    return;
  }
  rollBack(ctx, d, at, failure);
}

function rollBack(ctx: SimContext, d: Deployment, at: number, failure: Failure): void {
  const service = d.service;
  const target = lastCompleted(service, d);
  if (!target) {
    // Emulator choice: with nothing to roll back to, the failed deployment stalls and its record ends ROLLBACK_FAILED.
    Object.assign(d.record, { status: "ROLLBACK_FAILED", statusReason: failure.reason, finishedAt: at, updatedAt: at });
    return;
  }
  d.status = "ACTIVE";
  Object.assign(target, {
    status: "PRIMARY",
    rolloutState: "IN_PROGRESS",
    rolloutStateReason: failure.rollingBack(target.id),
    desiredCount: service.desiredCount,
    failedTasks: 0,
    hadRunningTask: false,
    consecutiveFailures: 0,
    nextLaunchAt: at,
    updatedAt: at,
  });
  service.deployments = [target, ...service.deployments.filter((x) => x !== target)];
  Object.assign(d.record, {
    status: "ROLLBACK_IN_PROGRESS",
    statusReason: d.record.statusReason ?? failure.reason,
    updatedAt: at,
    rollback: { reason: failure.rollingBack(target.id), startedAt: at, serviceRevisionArn: target.revisionArn },
  });
  addEvent(ctx.ids, service, at, messages.rollingBack(service.name, target.id));
  ctx.wake(service, at);
}

/** The records rolling back into `target` (normally one). */
export function rollbacksInto(target: Deployment): Deployment[] {
  return target.service.history.filter((d) => d.record.status === "ROLLBACK_IN_PROGRESS" && d.record.rollback?.serviceRevisionArn === target.revisionArn);
}

/** The revision rolled back to cannot start either: the rollback fails and the service stalls (§8.2). */
export function failRollback(ctx: SimContext, target: Deployment, at: number, reason: string): void {
  const failing = rollbacksInto(target);
  target.rolloutState = "FAILED";
  target.rolloutStateReason = reason;
  target.updatedAt = at;
  for (const d of failing) Object.assign(d.record, { status: "ROLLBACK_FAILED", finishedAt: at, updatedAt: at });
  addEvent(ctx.ids, target.service, at, messages.failed(target.service.name, target.id));
}
