// An operation's end, written once: status and reason on the operation, the outcome row in the audit
// trail, the outcome's notifications in the outbox and the service's lock released, in one transaction
// guarded on "still running" so that a follower and a failing verb (or two replicas) cannot both finish
// it. The service's cached reads are dropped so every page shows the result at once, and this process's
// notification worker is woken to deliver the outcome. Only the one call that wrote the end counts it in
// the metrics and logs it. A restore's child then lets its restore settle.
import { invalidateService } from "@/lib/aws";
import type { AppConfig } from "@/lib/config";
import { wakeNotifier } from "@/lib/notify";
import { log, metrics } from "@/lib/observability";
import { appendAudit, releaseServiceLock, serviceKey, updateOperation, type Operation, type OperationStatus, type Store } from "@/lib/store";
import { auditEntry, operationActor, stepsOf, type Step } from "./audit-trail";
import { enqueueOperationEvent } from "./operation-event";
import { settleRestore } from "./restore-outcome";

export interface Ending {
  status: Exclude<OperationStatus, "running">;
  reason: string;
  detail?: unknown;
  progress?: unknown;
  /** When ECS itself finished the deployment (its service deployment's finishedAt), for the outcome-lag metric. */
  ecsFinishedAt?: Date;
}

function recordEnd(op: Operation, ending: Ending, ok: boolean): void {
  const m = metrics();
  m.operations.inc({ action: op.action, outcome: ending.status });
  // Against the wall clock: ECS's timestamp is real time. A negative lag is clock skew, not a measurement.
  const lagSeconds = ending.ecsFinishedAt ? (Date.now() - ending.ecsFinishedAt.getTime()) / 1000 : undefined;
  if (lagSeconds !== undefined && lagSeconds >= 0) m.outcomeLag.observe(lagSeconds);
  const fields = { operationId: op.id, actor: op.actor, action: op.action, service: `${op.env}/${op.cluster}/${op.service}`, outcome: ending.status, reason: ending.reason, ...(lagSeconds !== undefined && { outcomeLagSeconds: lagSeconds }) };
  if (ok) log().info(fields, "operation finished");
  else log().warn(fields, "operation finished");
}

/** What finishing needs from its caller (a verb's context, the follower's tick). */
export interface Finisher {
  store: Store;
  config: Pick<AppConfig, "notifications">;
}

export async function finishOperation({ store, config }: Finisher, op: Operation, ending: Ending, now: Date, leaseOwner?: string): Promise<Operation | undefined> {
  const step: Step = { at: now.toISOString(), name: "outcome", ok: ending.status === "succeeded" || (op.action === "stop" && ending.status === "stopped"), message: `${ending.status}: ${ending.reason}` };
  const finished = await store.transaction(async (tx) => {
    const updated = await updateOperation(
      tx,
      op.id,
      {
        status: ending.status,
        outcomeReason: ending.reason,
        finishedAt: now,
        steps: [...stepsOf(op), step],
        ...(ending.detail !== undefined && { outcomeDetail: ending.detail }),
        ...(ending.progress !== undefined && { progress: ending.progress }),
      },
      { now, guard: { status: "running", ...(leaseOwner && { leaseOwner }) } },
    );
    if (!updated) return undefined;
    await appendAudit(tx, auditEntry(operationActor(op), op, now, "outcome", `${ending.status}: ${ending.reason}`, { operationId: op.id, from: op.from, to: op.to, detail: ending.detail }));
    await enqueueOperationEvent(tx, config, updated, "finished", now);
    await releaseServiceLock(tx, serviceKey(op), op.id);
    return updated;
  });
  invalidateService(op.env, op.cluster, op.service);
  if (finished) {
    wakeNotifier();
    recordEnd(op, ending, step.ok);
    if (op.parentId) await settleRestore(store, op.parentId, now);
  }
  return finished;
}
