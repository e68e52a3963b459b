// The deployment circuit breaker (aws-behaviour.md §3.4): counts tasks that fail before RUNNING, fails
// the deployment at the threshold and, with rollback, re-promotes the last COMPLETED deployment.
import type { Deployment } from "../types";
import { addEvent, messages, reasons } from "./events";
import type { SimContext } from "./task-lifecycle";
import { launchBackoffMs } from "./timings";

/** clamp(0.5 × desiredCount, 3, 200). Emulator choice: the half is rounded up (AWS does not say). */
export function breakerThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(0.5 * desiredCount)));
}

/** Stage 2 starts with the first RUNNING task: failedTasks resets and start failures stop counting. */
export function recordRunning(d: Deployment, at: number): void {
  d.hadRunningTask = true;
  d.failedTasks = 0;
  d.consecutiveFailures = 0;
  d.updatedAt = at;
}

export function recordStartFailure(ctx: SimContext, d: Deployment, at: number): void {
  d.consecutiveFailures += 1;
  const backoff = launchBackoffMs(d.consecutiveFailures);
  d.nextLaunchAt = at + backoff;
  if (backoff > 0) addEvent(ctx.ids, d.service, at, messages.throttled(d.service.name));
  if (!d.hadRunningTask) d.failedTasks += 1;
  d.updatedAt = at;
  const breaker = d.service.deploymentConfiguration.deploymentCircuitBreaker;
  if (breaker.enable && d.status === "PRIMARY" && d.rolloutState === "IN_PROGRESS" && d.failedTasks >= breakerThreshold(d.service.desiredCount)) {
    trip(ctx, d, at, breaker.rollback);
  }
}

function trip(ctx: SimContext, d: Deployment, at: number, rollback: boolean): void {
  const service = d.service;
  d.rolloutState = "FAILED";
  d.rolloutStateReason = reasons.breakerFailed;
  d.record.breakerStatus = "TRIGGERED";
  d.record.updatedAt = at;
  addEvent(ctx.ids, service, at, messages.failed(service.name, d.id));
  if (!rollback) {
    Object.assign(d.record, { status: "STOPPED", statusReason: reasons.breakerFailed, stoppedAt: at });
    return;
  }
  const target = [...service.history].reverse().find((old) => old !== d && old.rolloutState === "COMPLETED");
  if (!target) {
    // Emulator choice: with nothing to roll back to, the failed deployment stalls and its record ends ROLLBACK_FAILED.
    Object.assign(d.record, { status: "ROLLBACK_FAILED", statusReason: reasons.breakerFailed, finishedAt: at });
    return;
  }
  d.status = "ACTIVE";
  Object.assign(target, {
    status: "PRIMARY",
    rolloutState: "IN_PROGRESS",
    rolloutStateReason: reasons.rollingBack(target.id),
    desiredCount: service.desiredCount,
    consecutiveFailures: 0,
    nextLaunchAt: at,
    updatedAt: at,
  });
  service.deployments = [target, ...service.deployments.filter((x) => x !== target)];
  Object.assign(d.record, {
    status: "ROLLBACK_IN_PROGRESS",
    statusReason: reasons.breakerFailed,
    rollback: { reason: reasons.rollingBack(target.id), startedAt: at, serviceRevisionArn: target.revisionArn },
  });
  addEvent(ctx.ids, service, at, messages.rollingBack(service.name, target.id));
}
