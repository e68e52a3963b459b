// A restore's outcome, written once its last child has ended: `succeeded` only when every child
// succeeded, else `partial` naming each child's outcome (lib/domain/restore-plan). Every child's end
// (follower or failed verb) calls this after its own transaction commits, so whichever child ends last
// sees all of them ended; the write is guarded on "still running", so two of them never both write it.
import { restoreOutcome } from "@/lib/domain/restore-plan";
import { appendAudit, childrenOf, getOperation, listOperations, updateOperation, type Store } from "@/lib/store";
import { auditEntry, operationActor, stepsOf, type Step } from "./audit-trail";

export async function settleRestore(store: Store, parentId: string, now: Date): Promise<void> {
  const parent = await getOperation(store.db, parentId);
  if (!parent || parent.status !== "running") return;
  const children = (await childrenOf(store.db, [parentId])).get(parentId) ?? [];
  const outcome = restoreOutcome(children.map((c) => ({ service: `${c.cluster}/${c.service}`, status: c.status })));
  if (outcome.status === "running") return;
  const detail = { children: children.map((c) => ({ id: c.id, cluster: c.cluster, service: c.service, status: c.status, reason: c.outcomeReason })) };
  const step: Step = { at: now.toISOString(), name: "outcome", ok: outcome.status === "succeeded", message: `${outcome.status}: ${outcome.reason}` };
  await store.transaction(async (tx) => {
    const updated = await updateOperation(tx, parentId, { status: outcome.status, outcomeReason: outcome.reason, outcomeDetail: detail, finishedAt: now, steps: [...stepsOf(parent), step] }, { now, guard: { status: "running" } });
    if (!updated) return;
    await appendAudit(tx, auditEntry(operationActor(parent), parent, now, "outcome", `${outcome.status}: ${outcome.reason}`, { operationId: parentId, detail }));
  });
}

// Running restores looked at per follower tick; a restore is running only while its children are.
const SWEEP_LIMIT = 50;

/**
 * Settles every running restore whose children have all ended: the safety net for a server that died
 * between a child's end and its settleRestore call. The follower runs it on each tick.
 */
export async function settleEndedRestores(store: Store, now: Date): Promise<void> {
  const running = await listOperations(store.db, { action: "restore", statuses: ["running"] }, { limit: SWEEP_LIMIT });
  for (const restore of running.operations) await settleRestore(store, restore.id, now);
}
