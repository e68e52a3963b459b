// Notifications of operations started through the JSON API, end to end against the demo sandbox (real
// SDK): a rollback produces "started" and "finished" exactly once per target (a signed webhook and a
// Slack message that passes Block Kit's rules), enqueued inside the verb's transaction and delivered by
// the worker outside the request, so a receiver that hangs leaves the confirm as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as operationsRoute } from "@/app/api/v1/services/[env]/[cluster]/[service]/operations/route";
import { getConfig } from "@/lib/config";
import { deployContext, Follower, startOperation } from "@/lib/deploy";
import { enqueueNotification, NotificationWorker } from "@/lib/notify";
import { BadRequestError } from "@/lib/errors";
import { getNotificationLog } from "@/lib/queries/notification-log";
import { getOperation, getStore, listDeliveries, type Store } from "@/lib/store";
import { blockKitViolations } from "../unit/support/block-kit-rules";
import { actor } from "./deploy-support";
import { call, freshKey, setUpWriteApi } from "./api-write-support";
import { startReceiver, TEST_WEBHOOK_SECRET, until, type Receiver } from "./notify-receiver";
import { callsOf } from "./support";

const PUBLIC_URL = "https://steadystate.example.com";
let hook: Receiver;
let chat: Receiver;
beforeAll(async () => {
  [hook, chat] = await Promise.all([startReceiver(TEST_WEBHOOK_SECRET), startReceiver()]);
  process.env.NOTIFY_TEST_SECRET = TEST_WEBHOOK_SECRET;
  process.env.NEXTAUTH_URL = PUBLIC_URL;
});
const sandbox = setUpWriteApi(() => ({
  notifications: [
    { id: "hook", kind: "webhook", url: hook.url, secretEnv: "NOTIFY_TEST_SECRET" },
    { id: "chat", kind: "slack", url: chat.url, filters: { environments: ["sandbox"] } },
  ],
}));
const workers: NotificationWorker[] = [];
afterAll(async () => {
  // Receivers first: a hanging request then fails at once instead of holding its worker's stop for the timeout.
  await Promise.all([hook.close(), chat.close()]);
  await Promise.all(workers.map((w) => w.stop()));
});

const svc = (service: string, cluster = "production") => ({ env: "sandbox", cluster, service });
const rollback = { action: "rollback", target: { suggested: true }, reason: "INC-9: back to the last good version" };

// The follower runs on the sandbox's frozen clock, which the test moves ahead of the wall clock; the
// workers share it, as one server's follower and worker share one clock.
let clock = Date.now();
const now = () => new Date(Math.max(clock, Date.now()));

function startWorker(store: Store, owner: string, timeoutMs = 60_000): NotificationWorker {
  const worker = new NotificationWorker({ store, targets: getConfig().notifications, owner, pollMs: 50, timeoutMs, now });
  workers.push(worker);
  worker.start();
  return worker;
}

async function followToEnd(store: Store, operationId: string): Promise<string> {
  const follower = new Follower({ config: getConfig(), store, owner: "api-test-follower", now });
  clock = await sandbox.control.now();
  for (let i = 0; i < 400; i++) {
    await follower.tick();
    const op = await getOperation(store.db, operationId);
    if (op?.status !== "running") return op?.status ?? "missing";
    clock = (await sandbox.control.advance(5000)).now;
  }
  return "still running";
}

const slackText = (r: { body: unknown }) => (r.body as { text?: string }).text;

describe("notifications of a rollback through the API", () => {
  it("deliver started and finished exactly once to each target, signed, with who, why, from → to and a link", async () => {
    const store = await getStore();
    const started = await call(operationsRoute, { params: svc("worker"), body: rollback, headers: freshKey() });
    expect(started.status).toBe(202);
    const id: string = started.body.operation.id;
    // Delivery happens outside the request: when the confirm answers, both deliveries wait in the outbox and no receiver has been called.
    expect(hook.received.length + chat.received.length).toBe(0);
    for (const target of ["hook", "chat"]) {
      const { deliveries } = await listDeliveries(store.db, target, { limit: 10 });
      expect(deliveries.map((d) => [d.eventId, d.status])).toEqual([[`msg_${id}_started`, "pending"]]);
    }

    startWorker(store, "replica-a");
    startWorker(store, "replica-b");
    expect(await followToEnd(store, id)).toBe("succeeded");
    await until(() => hook.received.length >= 2 && chat.received.length >= 2, "started and finished at both receivers");
    await Promise.all(workers.map((w) => w.tick().then(() => w.idle())));

    expect(Object.fromEntries(hook.countsById())).toEqual({ [`msg_${id}_started`]: 1, [`msg_${id}_finished`]: 1 });
    expect(hook.received.every((r) => r.verified)).toBe(true);
    const finished = hook.received.find((r) => r.webhookId === `msg_${id}_finished`)?.body;
    expect(finished).toMatchObject({
      type: "operation.finished",
      data: { operationId: id, service: "worker", status: "succeeded", actor: "release-bot", reason: rollback.reason, from: { label: "worker:38" }, to: { label: "worker:37" }, url: `${PUBLIC_URL}/operations/${id}` },
    });

    expect(chat.received).toHaveLength(2);
    expect(chat.received.map((r) => blockKitViolations(r.body))).toEqual([[], []]);
    expect(chat.received.map(slackText)).toEqual([expect.stringMatching(/^Rollback of sandbox\/production\/worker started/), expect.stringMatching(/^Rollback of sandbox\/production\/worker succeeded/)]);
  });

  it("enqueue in the verb's transaction: a transaction that does not commit leaves no delivery and no operation", async () => {
    const store = await getStore();
    const before = (await listDeliveries(store.db, "hook", { limit: 100 })).deliveries.length;
    const refusesToCommit: Store = {
      ...store,
      kind: store.kind,
      db: store.db,
      migrate: () => store.migrate(),
      close: () => store.close(),
      transaction: (work) =>
        store.transaction(async (tx) => {
          await work(tx);
          throw new Error("commit refused");
        }),
    };
    const ctx = await deployContext(actor("deployer"), { config: getConfig(), store: refusesToCommit, wake: () => undefined });
    await expect(startOperation(ctx, { ref: svc("my-api"), idempotencyKey: `notify-tx-${Date.now()}`, action: "rollback", target: { suggested: true }, reason: "never commits" })).rejects.toThrow("commit refused");
    expect((await listDeliveries(store.db, "hook", { limit: 100 })).deliveries).toHaveLength(before);
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(0);
  });

  it("a receiver that hangs leaves the confirm unchanged: it answers, with UpdateService called, while the receiver still holds a delivery", async () => {
    const store = await getStore();
    hook.script(["hang"]);
    const from = hook.received.length;
    startWorker(store, "replica-hang");
    await enqueueNotification(store.db, { targets: getConfig().notifications.filter((t) => t.id === "hook") }, { id: `msg_hang_${Date.now()}`, type: "operation.started", timestamp: new Date().toISOString(), data: { operationId: "x", action: "rollback", env: "sandbox", cluster: "production", service: "web", actor: "a", role: "deployer", reason: "r", from: null, to: null, status: "running" } }, new Date());
    await until(() => hook.open() === 1, "the receiver to hold a delivery");

    const started = await call(operationsRoute, { params: svc("my-api"), body: rollback, headers: freshKey() });
    expect(started.status).toBe(202);
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(1);
    expect(hook.open()).toBeGreaterThanOrEqual(1);
    expect(hook.received.length).toBeGreaterThan(from);
  });

  it("the admin page's log lists each target's deliveries with counts, and refuses an unknown target or a forged cursor as bad input", async () => {
    const log = await getNotificationLog(getConfig(), { target: "chat" });
    expect(log.targets.map((t) => [t.id, t.kind, t.host])).toEqual([
      ["hook", "webhook", new URL(hook.url).host],
      ["chat", "slack", new URL(chat.url).host],
    ]);
    expect(log.selected).toBe("chat");
    expect(log.deliveries.length).toBeGreaterThanOrEqual(2);
    expect(log.deliveries.filter((d) => d.status === "delivered").every((d) => d.deliveredAt !== null && d.nextAttemptAt === null)).toBe(true);
    expect(log.targets.find((t) => t.id === "chat")?.counts.delivered).toBe(log.deliveries.filter((d) => d.status === "delivered").length);
    await expect(getNotificationLog(getConfig(), { target: "nope" })).rejects.toBeInstanceOf(BadRequestError);
    await expect(getNotificationLog(getConfig(), { target: "hook", cursor: "forged" })).rejects.toBeInstanceOf(BadRequestError);
  });
});
