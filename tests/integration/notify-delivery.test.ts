// The delivery worker against local receivers: a receiver that answers 500 then 200 is retried on the
// backoff schedule and delivered; a hanging one is cut off by the timeout and retried; one that keeps
// failing is given up after the horizon; a target no longer configured is given up at once. Every
// webhook delivery carries a signature our verifier accepts and the same webhook-id on every attempt.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { NotificationTarget } from "@/lib/config";
import type { NotificationEvent } from "@/lib/domain/webhook-event";
import { enqueueNotification, NotificationWorker, type WorkerOptions } from "@/lib/notify";
import { createStore, listDeliveries, type Store } from "@/lib/store";
import { startReceiver, TEST_WEBHOOK_SECRET, until, type Receiver } from "./notify-receiver";

const FAST_BACKOFF = { baseMs: 20, maxMs: 100, maxAttempts: 4, maxAgeMs: 3_600_000 };

let dir = "";
let store: Store;
const receivers: Receiver[] = [];
const workers: NotificationWorker[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "steady-notify-"));
  store = createStore(`file:${path.join(dir, "store.db")}`);
  await store.migrate();
});
afterEach(async () => {
  // Receivers first: a hanging request fails at once instead of holding its worker's stop for the timeout.
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function webhookTarget(): Promise<{ target: NotificationTarget; receiver: Receiver }> {
  const receiver = await startReceiver(TEST_WEBHOOK_SECRET);
  receivers.push(receiver);
  return { receiver, target: { id: `hook-${randomUUID().slice(0, 8)}`, kind: "webhook", url: receiver.url, secret: TEST_WEBHOOK_SECRET, filters: {} } };
}

function worker(targets: NotificationTarget[], opts: Partial<WorkerOptions> = {}): NotificationWorker {
  const w = new NotificationWorker({ store, targets, owner: `worker-${randomUUID().slice(0, 8)}`, backoff: FAST_BACKOFF, pollMs: 20, random: () => 0.5, ...opts });
  workers.push(w);
  w.start();
  return w;
}

function finishedEvent(): NotificationEvent {
  const operationId = randomUUID();
  return {
    id: `msg_${operationId}_finished`,
    type: "operation.finished",
    timestamp: new Date().toISOString(),
    data: { operationId, action: "rollback", env: "sandbox", cluster: "production", service: "payments", actor: "ada@example.com", role: "deployer", reason: "INC-7", from: null, to: null, status: "succeeded" },
  };
}

async function deliveryOf(targetId: string) {
  const [delivery] = (await listDeliveries(store.db, targetId, { limit: 1 })).deliveries;
  return delivery;
}

describe("the delivery worker", () => {
  it("retries a receiver that answers 500 and delivers when it answers 200, with one webhook-id and valid signatures", async () => {
    const { target, receiver } = await webhookTarget();
    receiver.script([500, 200]);
    const event = finishedEvent();
    expect(await enqueueNotification(store.db, { targets: [target] }, event, new Date())).toBe(1);
    worker([target]);
    await until(async () => (await deliveryOf(target.id))?.status === "delivered", "the delivery");
    expect(receiver.received.map((r) => [r.webhookId, r.verified, r.answer])).toEqual([
      [event.id, true, 500],
      [event.id, true, 200],
    ]);
    expect(receiver.received[1]?.body).toEqual({ type: event.type, timestamp: event.timestamp, data: event.data });
    expect(await deliveryOf(target.id)).toMatchObject({ status: "delivered", attempts: 2, deliveredAt: expect.any(Date), lastError: "HTTP 500: receiver says no" });
  });

  it("cuts a hanging receiver off at the timeout, records why, and delivers on the retry", async () => {
    const { target, receiver } = await webhookTarget();
    receiver.script(["hang", 200]);
    await enqueueNotification(store.db, { targets: [target] }, finishedEvent(), new Date());
    const w = worker([target], { timeoutMs: 300 });
    await until(() => receiver.received.length === 2, "the retry after the timeout");
    await w.idle();
    expect(await deliveryOf(target.id)).toMatchObject({ status: "delivered", attempts: 2, lastError: "no answer within 300 ms" });
    // The hanging request was given up by the worker, not answered by the receiver.
    expect(receiver.open()).toBe(0);
  });

  it("keeps the receiver's error and gives up after the schedule's last attempt", async () => {
    const { target, receiver } = await webhookTarget();
    receiver.script([503]);
    await enqueueNotification(store.db, { targets: [target] }, finishedEvent(), new Date());
    worker([target]);
    await until(async () => (await deliveryOf(target.id))?.status === "failed", "giving up");
    expect(receiver.received).toHaveLength(FAST_BACKOFF.maxAttempts);
    expect((await deliveryOf(target.id))?.lastError).toMatch(/^HTTP 503: receiver says no; gave up after 4 attempts/);
  });

  it("gives a delivery to a target no longer in the configuration up at once, without sending", async () => {
    const { target, receiver } = await webhookTarget();
    await enqueueNotification(store.db, { targets: [target] }, finishedEvent(), new Date());
    const w = worker([]);
    await until(async () => (await deliveryOf(target.id))?.status === "failed", "giving up");
    await w.idle();
    expect(receiver.received).toHaveLength(0);
    expect((await deliveryOf(target.id))?.lastError).toBe(`target ${target.id} is no longer configured`);
  });

  it("keeps delivering to a healthy target while another target's receiver hangs", async () => {
    const hanging = await webhookTarget();
    hanging.receiver.script(["hang"]);
    const healthy = await webhookTarget();
    await enqueueNotification(store.db, { targets: [hanging.target] }, finishedEvent(), new Date());
    worker([hanging.target, healthy.target], { timeoutMs: 60_000 });
    await until(() => hanging.receiver.open() === 1, "the hanging request");
    const event = finishedEvent();
    await enqueueNotification(store.db, { targets: [healthy.target] }, event, new Date());
    await until(() => healthy.receiver.received.length === 1, "the healthy delivery");
    expect(hanging.receiver.open()).toBe(1);
    expect(healthy.receiver.received[0]?.webhookId).toBe(event.id);
  });
});
