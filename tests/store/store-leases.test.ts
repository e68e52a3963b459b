// Leases: with several replicas, exactly one follows each running operation, and when that replica dies
// (stops renewing) another takes its operations over once the TTL has passed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { claimFollowable, createOperation, getOperation, releaseAllLeases, releaseLease, renewLease, updateOperation, type Store } from "@/lib/store";
import { BACKENDS, freshStore as freshDatabase, useStore } from "./backends";
import { at, newOperation } from "./fixtures";

const TTL_MS = 10_000;

describe.each(BACKENDS)("follower leases on $name", ({ make }) => {
  const { backend } = useStore(make);

  const freshStore = () => freshDatabase(backend());

  async function running(db: Store["db"], second = 0): Promise<string> {
    const { operation } = await createOperation(db, newOperation({ service: `svc-${randomUUID()}`, now: at(second) }));
    return operation.id;
  }

  it("replica A claims, B finds nothing while A renews, then B takes over after A stops and the TTL passes", async () => {
    const s = await freshStore();
    const opId = await running(s.db);
    const claimedByA = await claimFollowable(s.db, { owner: "replica-a", now: at(10), ttlMs: TTL_MS, limit: 20 });
    expect(claimedByA.map((op) => [op.id, op.leaseOwner, op.leaseExpiresAt])).toEqual([[opId, "replica-a", at(20)]]);
    expect(await claimFollowable(s.db, { owner: "replica-b", now: at(15), ttlMs: TTL_MS, limit: 20 })).toEqual([]);
    expect(await renewLease(s.db, opId, { owner: "replica-a", now: at(18), ttlMs: TTL_MS })).toBe(true);
    expect(await claimFollowable(s.db, { owner: "replica-b", now: at(25), ttlMs: TTL_MS, limit: 20 })).toEqual([]);
    // A dies: its lease (to 28 s) runs out.
    const claimedByB = await claimFollowable(s.db, { owner: "replica-b", now: at(28), ttlMs: TTL_MS, limit: 20 });
    expect(claimedByB.map((op) => op.id)).toEqual([opId]);
    // A comes back and learns it lost the lease, so it stops following; its guarded writes change nothing.
    expect(await renewLease(s.db, opId, { owner: "replica-a", now: at(29), ttlMs: TTL_MS })).toBe(false);
    expect(await updateOperation(s.db, opId, { status: "succeeded" }, { now: at(29), guard: { leaseOwner: "replica-a" } })).toBeUndefined();
    expect((await getOperation(s.db, opId))?.leaseOwner).toBe("replica-b");
  });

  it("an operation created with its creator's lease is not claimed by another replica until that lease expires", async () => {
    const s = await freshStore();
    const { operation } = await createOperation(s.db, newOperation({ now: at(0), lease: { owner: "replica-a", ttlMs: TTL_MS } }));
    expect([operation.leaseOwner, operation.leaseExpiresAt]).toEqual(["replica-a", at(10)]);
    expect(await claimFollowable(s.db, { owner: "replica-b", now: at(9), ttlMs: TTL_MS, limit: 20 })).toEqual([]);
    expect((await claimFollowable(s.db, { owner: "replica-b", now: at(10), ttlMs: TTL_MS, limit: 20 })).map((op) => op.id)).toEqual([operation.id]);
  });

  it("two replicas claiming at once split the running operations without overlap", async () => {
    const s = await freshStore();
    const ops: string[] = [];
    for (let i = 0; i < 12; i++) ops.push(await running(s.db, i));
    const [a, b] = await Promise.all([
      claimFollowable(s.db, { owner: "replica-a", now: at(20), ttlMs: TTL_MS, limit: 8 }),
      claimFollowable(s.db, { owner: "replica-b", now: at(20), ttlMs: TTL_MS, limit: 8 }),
    ]);
    const idsA = a.map((op) => op.id);
    const idsB = b.map((op) => op.id);
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
    expect([...idsA, ...idsB].sort()).toEqual([...ops].sort());
    expect(Math.max(idsA.length, idsB.length)).toBe(8);
  });

  it("finished operations are never claimed, and a released lease is claimable at once", async () => {
    const s = await freshStore();
    const done = await running(s.db, 0);
    const open = await running(s.db, 1);
    await updateOperation(s.db, done, { status: "succeeded", finishedAt: at(5) }, { now: at(5) });
    expect((await claimFollowable(s.db, { owner: "replica-a", now: at(6), ttlMs: TTL_MS, limit: 20 })).map((op) => op.id)).toEqual([open]);
    expect(await releaseLease(s.db, open, "replica-b")).toBe(false);
    expect(await releaseLease(s.db, open, "replica-a")).toBe(true);
    expect((await claimFollowable(s.db, { owner: "replica-b", now: at(7), ttlMs: TTL_MS, limit: 20 })).map((op) => op.id)).toEqual([open]);
    expect(await renewLease(s.db, done, { owner: "replica-a", now: at(8), ttlMs: TTL_MS })).toBe(false);
  });

  it("a replica shutting down gives back every lease it holds in one statement, and only its own", async () => {
    const s = await freshStore();
    for (let i = 0; i < 3; i++) await running(s.db, i);
    const mine = await claimFollowable(s.db, { owner: "replica-a", now: at(10), ttlMs: TTL_MS, limit: 2 });
    const theirs = await claimFollowable(s.db, { owner: "replica-b", now: at(10), ttlMs: TTL_MS, limit: 20 });
    expect([mine.length, theirs.length]).toEqual([2, 1]);
    expect(await releaseAllLeases(s.db, "replica-a")).toBe(2);
    // Long before replica-a's leases (to 20 s) would have expired, replica-c claims them, and only them.
    const taken = await claimFollowable(s.db, { owner: "replica-c", now: at(11), ttlMs: TTL_MS, limit: 20 });
    expect(taken.map((op) => op.id).sort()).toEqual(mine.map((op) => op.id).sort());
    expect(await releaseAllLeases(s.db, "replica-a")).toBe(0);
  });
});
