// StopServiceDeployment on the model (§8.2): a PENDING or IN_PROGRESS deployment goes ROLLBACK_REQUESTED,
// and ROLLBACK_REQUEST_MS later the rollback starts as the circuit breaker's would, whether or not the
// service configured rollback. Until then the scheduler holds the service as it is.
import type { Deployment } from "../types";
import { reasons } from "./events";
import { failDeployment } from "./rollback";
import type { SimContext } from "./task-lifecycle";

/** Emulator choice: ROLLBACK_REQUESTED lasts 2 sandbox seconds before ROLLBACK_IN_PROGRESS. */
export const ROLLBACK_REQUEST_MS = 2_000;

export function requestRollback(ctx: SimContext, d: Deployment, now: number): void {
  Object.assign(d.record, { status: "ROLLBACK_REQUESTED", statusReason: reasons.stopRequested, updatedAt: now, timerAt: now + ROLLBACK_REQUEST_MS });
  ctx.wake(d.service, now);
}

/** Start the rollback of a requested stop once its time has come. */
export function startRequestedRollback(ctx: SimContext, d: Deployment, now: number): void {
  if (d.record.status !== "ROLLBACK_REQUESTED" || (d.record.timerAt ?? 0) > now) return;
  failDeployment(ctx, d, d.record.timerAt ?? now, { reason: reasons.stopped(d.id), rollingBack: reasons.stopRollingBack }, true);
}
