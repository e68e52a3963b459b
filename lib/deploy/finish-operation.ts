// An operation's end, written once: status and reason on the operation, the outcome row in the audit
// trail and the service's lock released, in one transaction guarded on "still running" so that a
// follower and a failing verb (or two replicas) cannot both finish it. The service's cached reads are
// dropped so every page shows the result at once. A restore's child then lets its restore settle.
import { invalidateService } from "@/lib/aws";
import { appendAudit, releaseServiceLock, serviceKey, updateOperation, type Operation, type OperationStatus, type Store } from "@/lib/store";
import { auditEntry, operationActor, stepsOf, type Step } from "./audit-trail";
import { settleRestore } from "./restore-outcome";

export interface Ending {
  status: Exclude<OperationStatus, "running">;
  reason: string;
  detail?: unknown;
  progress?: unknown;
}

export async function finishOperation(store: Store, op: Operation, ending: Ending, now: Date, leaseOwner?: string): Promise<Operation | undefined> {
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
    await releaseServiceLock(tx, serviceKey(op), op.id);
    return updated;
  });
  invalidateService(op.env, op.cluster, op.service);
  if (finished && op.parentId) await settleRestore(store, op.parentId, now);
  return finished;
}
