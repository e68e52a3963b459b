// The write order docs/architecture.md gives lib/deploy (operation → lock → intent, one transaction),
// run ten times at once: retries of one click make one operation, and ten people clicking make one
// operation and nine refusals that name the winner, with no operation rows left behind by the losers.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { acquireServiceLock, appendAudit, createOperation, listAuditForOperation, listOperations, serviceKey, type Store } from "@/lib/store";
import { BACKENDS, useStore } from "./backends";
import { at, auditEvent, newOperation } from "./fixtures";

class LockHeld extends Error {}

function startChange(store: Store, service: string, actor: string, idempotencyKey: string, second: number) {
  return store
    .transaction(async (tx) => {
      const result = await createOperation(tx, newOperation({ service, actor, idempotencyKey, now: at(second) }));
      if (!result.created) return { outcome: "retry" as const, id: result.operation.id };
      const lock = await acquireServiceLock(tx, { serviceKey: serviceKey(result.operation), operationId: result.operation.id, holder: actor, now: at(second) });
      if (!lock.ok) throw new LockHeld(`${lock.held.holder} since ${lock.held.since.toISOString()}`);
      await appendAudit(tx, auditEvent({ operationId: result.operation.id, service, actor, kind: "intent", at: at(second) }));
      return { outcome: "started" as const, id: result.operation.id };
    })
    .catch((error: unknown) => {
      if (error instanceof LockHeld) return { outcome: "refused" as const, holder: error.message };
      throw error;
    });
}

describe.each(BACKENDS)("the verb's write order on $name", ({ make }) => {
  const { store } = useStore(make);

  it("ten retries of one click: one operation with one intent row, nine answers pointing at it", async () => {
    const service = `svc-${randomUUID()}`;
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => startChange(store(), service, "ada", key, i)));
    expect(results.map((r) => r.outcome).sort()).toEqual(["retry", "retry", "retry", "retry", "retry", "retry", "retry", "retry", "retry", "started"]);
    const { operations } = await listOperations(store().db, { service });
    expect(operations).toHaveLength(1);
    expect(new Set(results.map((r) => ("id" in r ? r.id : "")))).toEqual(new Set([operations[0]?.id]));
    expect(await listAuditForOperation(store().db, operations[0]?.id ?? "")).toHaveLength(1);
  });

  it("ten people at once: one operation, nine refusals naming its holder, no other operation rows", async () => {
    const service = `svc-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => startChange(store(), service, `user-${i}`, randomUUID(), i)));
    const started = results.filter((r) => r.outcome === "started");
    expect(started).toHaveLength(1);
    const { operations } = await listOperations(store().db, { service });
    expect(operations.map((op) => op.id)).toEqual([started[0]?.id]);
    const winner = operations[0];
    const refusals = results.filter((r) => r.outcome === "refused");
    expect(refusals).toHaveLength(9);
    for (const refusal of refusals) expect(refusal.holder).toBe(`${winner?.actor} since ${winner?.createdAt.toISOString()}`);
  });
});
