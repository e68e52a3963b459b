// The notification outbox: one row per (target, event) however often the event is enqueued, claimed by
// one worker at a time through a lease (taken over after it expires, so a worker that died mid-attempt
// is retried: at least once), and each attempt's result recorded only by the lease's holder.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { claimDueDeliveries, enqueueDeliveries, getOutboxDelivery, nextDueAt, recordAttempt, StoreInputError } from "@/lib/store";
import { BACKENDS, freshStore as freshDatabase, useStore } from "./backends";
import { at } from "./fixtures";

const TTL_MS = 30_000;

const event = (eventId = randomUUID()) => ({ eventId, eventType: "operation.finished", payload: { id: eventId, data: { service: "payments" } } });

describe.each(BACKENDS)("notification outbox on $name", ({ make }) => {
  const { backend } = useStore(make);

  const freshStore = () => freshDatabase(backend());

  it("enqueues one row per target and leaves an event already enqueued for a target as it is", async () => {
    const s = await freshStore();
    const e = event();
    expect(await enqueueDeliveries(s.db, e, ["ops-slack", "pager"], at(0))).toBe(2);
    expect(await enqueueDeliveries(s.db, e, ["ops-slack", "pager", "audit-hook"], at(5))).toBe(1);
    expect(await enqueueDeliveries(s.db, event(), [], at(5))).toBe(0);
    const claimed = await claimDueDeliveries(s.db, { owner: "a", now: at(10), ttlMs: TTL_MS, limit: 10 });
    expect(claimed.map((d) => d.targetId).sort()).toEqual(["audit-hook", "ops-slack", "pager"]);
    expect(claimed.every((d) => d.eventId === e.eventId && d.attempts === 1 && d.status === "pending")).toBe(true);
    expect(claimed[0]?.payload).toEqual(e.payload);
  });

  it("enqueued inside a transaction that rolls back leaves nothing to deliver", async () => {
    const s = await freshStore();
    await expect(
      s.transaction(async (tx) => {
        await enqueueDeliveries(tx, event(), ["pager"], at(0));
        throw new Error("the audit row failed");
      }),
    ).rejects.toThrow("the audit row failed");
    expect(await claimDueDeliveries(s.db, { owner: "a", now: at(1), ttlMs: TTL_MS, limit: 10 })).toEqual([]);
    expect(await nextDueAt(s.db)).toBeUndefined();
  });

  it("a claimed row is not claimed again until its lease expires; then another worker takes it over and the first cannot record", async () => {
    const s = await freshStore();
    await enqueueDeliveries(s.db, event(), ["pager"], at(0));
    const [first] = await claimDueDeliveries(s.db, { owner: "a", now: at(1), ttlMs: TTL_MS, limit: 10 });
    expect(first?.leaseOwner).toBe("a");
    expect(await claimDueDeliveries(s.db, { owner: "b", now: at(30), ttlMs: TTL_MS, limit: 10 })).toEqual([]);
    const [takenOver] = await claimDueDeliveries(s.db, { owner: "b", now: at(31), ttlMs: TTL_MS, limit: 10 });
    expect([takenOver?.id, takenOver?.attempts, takenOver?.leaseOwner]).toEqual([first?.id, 2, "b"]);
    expect(await recordAttempt(s.db, first?.id ?? "", "a", { delivered: true }, at(32))).toBe(false);
    expect(await recordAttempt(s.db, first?.id ?? "", "b", { delivered: true }, at(33))).toBe(true);
    const done = await getOutboxDelivery(s.db, first?.id ?? "");
    expect([done?.status, done?.deliveredAt, done?.leaseOwner, done?.lastError]).toEqual(["delivered", at(33), null, null]);
    expect(await claimDueDeliveries(s.db, { owner: "c", now: at(99), ttlMs: TTL_MS, limit: 10 })).toEqual([]);
  });

  it("a failed attempt is due again at its retry time with the error kept; giving up ends it failed", async () => {
    const s = await freshStore();
    await enqueueDeliveries(s.db, event(), ["pager"], at(0));
    const [d] = await claimDueDeliveries(s.db, { owner: "a", now: at(0), ttlMs: TTL_MS, limit: 10 });
    const id = d?.id ?? "";
    expect(await recordAttempt(s.db, id, "a", { delivered: false, error: "HTTP 500", retryAt: at(5) }, at(1))).toBe(true);
    expect(await nextDueAt(s.db)).toEqual(at(5));
    expect(await claimDueDeliveries(s.db, { owner: "a", now: at(4), ttlMs: TTL_MS, limit: 10 })).toEqual([]);
    const [again] = await claimDueDeliveries(s.db, { owner: "a", now: at(5), ttlMs: TTL_MS, limit: 10 });
    expect([again?.attempts, again?.lastError]).toEqual([2, "HTTP 500"]);
    expect(await recordAttempt(s.db, id, "a", { delivered: false, error: "x".repeat(5000), giveUp: true }, at(6))).toBe(true);
    const failed = await getOutboxDelivery(s.db, id);
    expect([failed?.status, failed?.lastError?.length, failed?.deliveredAt]).toEqual(["failed", 1000, null]);
    expect(await nextDueAt(s.db)).toBeUndefined();
    // A finished row is never written again, whoever asks.
    expect(await recordAttempt(s.db, id, "a", { delivered: true }, at(7))).toBe(false);
  });

  it("two workers claiming at once split the due rows without overlap, oldest first", async () => {
    const s = await freshStore();
    for (let i = 0; i < 12; i++) await enqueueDeliveries(s.db, event(), ["pager"], at(i));
    const [a, b] = await Promise.all([
      claimDueDeliveries(s.db, { owner: "a", now: at(20), ttlMs: TTL_MS, limit: 8 }),
      claimDueDeliveries(s.db, { owner: "b", now: at(20), ttlMs: TTL_MS, limit: 8 }),
    ]);
    const ids = [...a, ...b].map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(12);
    expect(a.length <= 8 && b.length <= 8).toBe(true);
  });

  it("refuses a claim limit outside 1..500 as bad input, not a database error", async () => {
    const s = await freshStore();
    await expect(claimDueDeliveries(s.db, { owner: "a", now: at(0), ttlMs: TTL_MS, limit: 0 })).rejects.toBeInstanceOf(StoreInputError);
    await expect(claimDueDeliveries(s.db, { owner: "a", now: at(0), ttlMs: TTL_MS, limit: 501 })).rejects.toBeInstanceOf(StoreInputError);
  });
});
