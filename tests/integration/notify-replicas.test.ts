// At least once, never doubled, on one Postgres: two workers (two replicas) deliver every queued event
// exactly once between them; a worker stopped mid-way (a restart) leaves the rest to the next one; and
// the rows a worker claimed before it died are delivered by another once its lease runs out. Counted
// by webhook-id at a local receiver that verifies every signature.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { NotificationTarget } from "@/lib/config";
import { enqueueNotification, NotificationWorker } from "@/lib/notify";
import { claimDueDeliveries, deliveryCounts, type Store } from "@/lib/store";
import { postgresBackend, type Backend } from "../store/backends";
import { startReceiver, TEST_WEBHOOK_SECRET, until, type Receiver } from "./notify-receiver";

let backend: Backend;
const workers: NotificationWorker[] = [];
let receiver: Receiver;
beforeAll(() => {
  backend = postgresBackend();
});
afterEach(async () => {
  await receiver.close();
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(() => backend.dispose());

async function setUp(events: number): Promise<{ store: Store; target: NotificationTarget; ids: string[] }> {
  const store = backend.open(await backend.newDatabase());
  await store.migrate();
  receiver = await startReceiver(TEST_WEBHOOK_SECRET);
  const target: NotificationTarget = { id: "hook", kind: "webhook", url: receiver.url, secret: TEST_WEBHOOK_SECRET, filters: {} };
  const ids: string[] = [];
  for (let i = 0; i < events; i++) {
    const id = `msg_${randomUUID()}_finished`;
    ids.push(id);
    await enqueueNotification(store.db, { targets: [target] }, { id, type: "ecs.deployment.failed", timestamp: new Date().toISOString(), data: { env: "sandbox", cluster: "production", service: "web", serviceDeploymentArn: `arn:${i}`, status: "ROLLBACK_SUCCESSFUL" } }, new Date());
  }
  return { store, target, ids };
}

function worker(store: Store, target: NotificationTarget, owner: string, opts: { maxInFlight?: number; now?: () => Date } = {}): NotificationWorker {
  const w = new NotificationWorker({ store, targets: [target], owner, pollMs: 20, ...opts });
  workers.push(w);
  w.start();
  return w;
}

function expectEachOnce(ids: string[]): void {
  const counts = receiver.countsById();
  expect([...counts.keys()].sort()).toEqual([...ids].sort());
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect(receiver.received.every((r) => r.verified)).toBe(true);
}

describe("notification delivery with several workers on one Postgres", () => {
  it("two workers deliver every event exactly once between them", async () => {
    const { store, target, ids } = await setUp(40);
    worker(store, target, "replica-a", { maxInFlight: 4 });
    worker(store, target, "replica-b", { maxInFlight: 4 });
    await until(async () => (await deliveryCounts(store.db)).get("hook")?.delivered === 40, "40 deliveries");
    expectEachOnce(ids);
  });

  it("a worker stopped mid-way (a restart) leaves the rest to the next worker, losing and repeating none", async () => {
    const { store, target, ids } = await setUp(30);
    const first = worker(store, target, "before-restart", { maxInFlight: 2 });
    await until(() => receiver.received.length >= 5, "the first deliveries");
    await first.stop();
    const delivered = (await deliveryCounts(store.db)).get("hook")?.delivered ?? 0;
    expect(delivered).toBeLessThan(30);
    worker(store, target, "after-restart");
    await until(async () => (await deliveryCounts(store.db)).get("hook")?.delivered === 30, "30 deliveries");
    expectEachOnce(ids);
  });

  it("rows claimed by a worker that died are delivered by another once the lease has run out", async () => {
    const { store, target, ids } = await setUp(5);
    const died = await claimDueDeliveries(store.db, { owner: "died", now: new Date(), ttlMs: 60_000, limit: 3 });
    expect(died).toHaveLength(3);
    const survivor = worker(store, target, "survivor");
    await until(() => receiver.received.length === 2, "the two unclaimed rows");
    await survivor.stop();
    // An hour later by the survivor's clock, the dead worker's leases have long expired.
    worker(store, target, "survivor-later", { now: () => new Date(Date.now() + 3_600_000) });
    await until(async () => (await deliveryCounts(store.db)).get("hook")?.delivered === 5, "all five deliveries");
    expectEachOnce(ids);
  });
});
