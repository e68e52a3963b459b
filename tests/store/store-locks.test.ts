// Per-service locks: one winner among simultaneous requests, the others told who holds the lock and
// since when; only the owner's operation releases it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { acquireServiceLock, getServiceLock, releaseServiceLock, serviceKey } from "@/lib/store";
import { BACKENDS, useStore } from "./backends";
import { at, T0 } from "./fixtures";

describe.each(BACKENDS)("service locks on $name", ({ make }) => {
  const { store } = useStore(make);
  const freshKey = () => serviceKey({ env: "sandbox", cluster: "production", service: `svc-${randomUUID()}` });

  it("names the service env/cluster/service", () => {
    expect(serviceKey({ env: "prod", cluster: "main", service: "web" })).toBe("prod/main/web");
  });

  it("a second request is refused with the holder, the time it took the lock and its operation", async () => {
    const key = freshKey();
    const first = await acquireServiceLock(store().db, { serviceKey: key, operationId: "op-1", holder: "ada", now: T0 });
    const second = await acquireServiceLock(store().db, { serviceKey: key, operationId: "op-2", holder: "bob", now: at(5) });
    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: false, held: { holder: "ada", since: T0, operationId: "op-1" } });
  });

  it("ten simultaneous requests in their own transactions: exactly one wins, nine see the winner", async () => {
    const key = freshKey();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store().transaction((tx) => acquireServiceLock(tx, { serviceKey: key, operationId: `op-${i}`, holder: `user-${i}`, now: at(i) })),
      ),
    );
    const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    const held = { holder: `user-${winner}`, since: at(winner ?? 0), operationId: `op-${winner}` };
    for (const result of results.filter((r) => !r.ok)) expect(result).toEqual({ ok: false, held });
    expect(await getServiceLock(store().db, key)).toEqual(held);
  });

  it("only the owning operation releases the lock; then anyone can take it", async () => {
    const key = freshKey();
    await acquireServiceLock(store().db, { serviceKey: key, operationId: "op-1", holder: "ada", now: T0 });
    expect(await releaseServiceLock(store().db, key, "op-2")).toBe(false);
    expect((await getServiceLock(store().db, key))?.operationId).toBe("op-1");
    expect(await releaseServiceLock(store().db, key, "op-1")).toBe(true);
    expect(await getServiceLock(store().db, key)).toBeUndefined();
    expect(await acquireServiceLock(store().db, { serviceKey: key, operationId: "op-2", holder: "bob", now: at(1) })).toEqual({ ok: true });
  });

  it("a lock taken in a transaction that fails is not held afterwards", async () => {
    const key = freshKey();
    const failing = store().transaction(async (tx) => {
      await acquireServiceLock(tx, { serviceKey: key, operationId: "op-1", holder: "ada", now: T0 });
      throw new Error("UpdateService refused");
    });
    await expect(failing).rejects.toThrow("UpdateService refused");
    expect(await getServiceLock(store().db, key)).toBeUndefined();
  });
});
