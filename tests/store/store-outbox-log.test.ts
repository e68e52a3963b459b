// The admin page's delivery log (one target's deliveries newest first, keyset-paged, with counts per
// status) and the leader lease that makes one replica run the watcher of outside ECS deployments.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { claimDueDeliveries, deliveryCounts, enqueueDeliveries, holdLeadership, listDeliveries, recordAttempt, releaseLeadership, StoreInputError } from "@/lib/store";
import { BACKENDS, freshStore as freshDatabase, useStore } from "./backends";
import { at } from "./fixtures";

const event = () => ({ eventId: randomUUID(), eventType: "operation.started", payload: {} });

describe.each(BACKENDS)("delivery log and leader lease on $name", ({ make }) => {
  const { backend } = useStore(make);

  const freshStore = () => freshDatabase(backend());

  it("pages one target's deliveries newest first without gaps or repeats, rows of one second included", async () => {
    const s = await freshStore();
    for (let i = 0; i < 7; i++) await enqueueDeliveries(s.db, event(), ["pager", "ops-slack"], at(Math.floor(i / 2)));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listDeliveries(s.db, "pager", { limit: 3, ...(cursor && { cursor }) });
      seen.push(...page.deliveries.map((d) => d.id));
      expect(page.deliveries.every((d) => d.targetId === "pager")).toBe(true);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const all = (await listDeliveries(s.db, "pager", { limit: 100 })).deliveries;
    expect(all.map((d) => d.id)).toEqual(seen);
    const times = all.map((d) => d.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("counts each target's deliveries per status", async () => {
    const s = await freshStore();
    for (let i = 0; i < 3; i++) await enqueueDeliveries(s.db, event(), ["pager"], at(i));
    await enqueueDeliveries(s.db, event(), ["ops-slack"], at(5));
    const claimed = await claimDueDeliveries(s.db, { owner: "a", now: at(10), ttlMs: 1000, limit: 2 });
    await recordAttempt(s.db, claimed[0]?.id ?? "", "a", { delivered: true }, at(11));
    await recordAttempt(s.db, claimed[1]?.id ?? "", "a", { delivered: false, error: "HTTP 410", giveUp: true }, at(11));
    const counts = await deliveryCounts(s.db);
    expect(counts.get("pager")).toEqual({ pending: 1, delivered: 1, failed: 1 });
    expect(counts.get("ops-slack")).toEqual({ pending: 1, delivered: 0, failed: 0 });
  });

  it("refuses a cursor it did not make and a page size out of range", async () => {
    const s = await freshStore();
    await expect(listDeliveries(s.db, "pager", { limit: 10, cursor: "not-a-cursor" })).rejects.toBeInstanceOf(StoreInputError);
    await expect(listDeliveries(s.db, "pager", { limit: 0 })).rejects.toBeInstanceOf(StoreInputError);
    await expect(listDeliveries(s.db, "pager", { limit: 101 })).rejects.toBeInstanceOf(StoreInputError);
  });

  it("one replica leads until its lease expires; the leader renews; a released lease is free at once", async () => {
    const s = await freshStore();
    const lease = (owner: string, second: number) => ({ owner, now: at(second), ttlMs: 10_000 });
    expect(await holdLeadership(s.db, "ecs-watch", lease("a", 0))).toBe(true);
    expect(await holdLeadership(s.db, "ecs-watch", lease("b", 5))).toBe(false);
    expect(await holdLeadership(s.db, "ecs-watch", lease("a", 8))).toBe(true);
    expect(await holdLeadership(s.db, "ecs-watch", lease("b", 17))).toBe(false);
    expect(await holdLeadership(s.db, "ecs-watch", lease("b", 18))).toBe(true);
    expect(await holdLeadership(s.db, "ecs-watch", lease("a", 19))).toBe(false);
    expect(await holdLeadership(s.db, "other-job", lease("a", 19))).toBe(true);
    await releaseLeadership(s.db, "ecs-watch", "a");
    expect(await holdLeadership(s.db, "ecs-watch", lease("c", 20))).toBe(false);
    await releaseLeadership(s.db, "ecs-watch", "b");
    expect(await holdLeadership(s.db, "ecs-watch", lease("c", 20))).toBe(true);
  });

  it("of replicas racing for a free lease exactly one leads", async () => {
    const s = await freshStore();
    const results = await Promise.all(["a", "b", "c", "d"].map((owner) => holdLeadership(s.db, "race", { owner, now: at(0), ttlMs: 10_000 })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
