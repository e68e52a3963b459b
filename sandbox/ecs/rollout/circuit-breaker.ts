// The deployment circuit breaker (aws-behaviour.md §3.4, §8.4): counts tasks that fail before RUNNING,
// fails the deployment at the threshold and, with rollback, re-promotes the last COMPLETED deployment.
// A deployment being rolled back to that cannot start either ends the rollback as ROLLBACK_FAILED.
import { breakerThreshold } from "../breaker-config";
import type { Deployment } from "../types";
import { addEvent, messages, reasons } from "./events";
import { failDeployment, failRollback, rollbacksInto } from "./rollback";
import type { SimContext } from "./task-lifecycle";
import { launchBackoffMs } from "./timings";

/** Stage 2 starts with the first RUNNING task: failedTasks resets and start failures stop counting. */
export function recordRunning(d: Deployment, at: number): void {
  d.consecutiveFailures = 0;
  d.updatedAt = at;
  // resetOnHealthyTask false keeps counting start failures across RUNNING tasks (§8.4).
  if (d.service.deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask === false) return;
  d.hadRunningTask = true;
  d.failedTasks = 0;
}

export function recordStartFailure(ctx: SimContext, d: Deployment, at: number): void {
  d.consecutiveFailures += 1;
  const backoff = launchBackoffMs(d.consecutiveFailures);
  d.nextLaunchAt = at + backoff;
  if (backoff > 0) addEvent(ctx.ids, d.service, at, messages.throttled(d.service.name));
  if (!d.hadRunningTask) d.failedTasks += 1;
  d.updatedAt = at;
  const breaker = d.service.deploymentConfiguration.deploymentCircuitBreaker;
  if (d.status !== "PRIMARY" || d.rolloutState !== "IN_PROGRESS" || d.failedTasks < breakerThreshold(breaker, d.service.desiredCount)) return;
  if (rollbacksInto(d).length > 0) {
    // Emulator choice: a rollback target is held to the breaker's threshold even when the breaker is off.
    failRollback(ctx, d, at, reasons.breakerFailed);
    return;
  }
  if (!breaker.enable) return;
  d.record.breakerStatus = "TRIGGERED";
  failDeployment(
    ctx,
    d,
    at,
    { reason: reasons.breakerFailed, event: messages.failed(d.service.name, d.id), rollingBack: reasons.rollingBack },
    breaker.rollback,
  );
}
