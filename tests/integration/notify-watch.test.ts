// The watcher of ECS deployments made outside the dashboard, against the demo sandbox (real SDK): the
// circuit breaker's rollback of my-api's crashing CI deploy is enqueued once per target (a second pass
// and a second replica add nothing), a deployment one of our operations made is left to that
// operation's own notifications, and only the leader replica asks ECS at all.
import { describe, expect, it } from "vitest";
import { planOperation, startOperation } from "@/lib/deploy";
import { EcsDeploymentWatcher, type WatchOptions } from "@/lib/notify";
import { listDeliveries } from "@/lib/store";
import { MY_API_CRASHING_TAG } from "../../sandbox/seed/demo-facts";
import { actor, REF, useDeployHarness } from "./deploy-support";
import { callsOf } from "./support";

const h = useDeployHarness();
const targets = [
  { id: "ci-hook", kind: "webhook" as const, url: "http://127.0.0.1:9/never-called", secret: `whsec_${Buffer.from("x".repeat(32)).toString("base64")}`, filters: {} },
  { id: "payments-only", kind: "slack" as const, url: "http://127.0.0.1:9/never-called", filters: { services: ["payments"] } },
];
const MONTH_MS = 30 * 24 * 3_600_000;

function watcher(owner: string, opts: Partial<WatchOptions> = {}): EcsDeploymentWatcher {
  return new EcsDeploymentWatcher({ config: h.config, store: h.store(), settings: { targets, publicUrl: "https://ss.example.com" }, owner, now: h.now, finishedWithinMs: MONTH_MS, ...opts });
}

describe("the watcher of outside ECS deployments", () => {
  it("enqueues the breaker's rollback of a CI deploy once per target that wants it; later passes and other replicas add nothing", async () => {
    await h.sandbox.control.reset("demo");
    await h.ctx(actor("viewer"));
    const leader = watcher("replica-a");
    const enqueued = await leader.tick();
    expect(enqueued).toBeGreaterThanOrEqual(1);
    const { deliveries } = await listDeliveries(h.store().db, "ci-hook", { limit: 100 });
    const myApi = deliveries.filter((d) => (d.payload as { data: { service: string } }).data.service === "my-api");
    expect(myApi).toHaveLength(1);
    expect(myApi[0]?.payload).toMatchObject({
      id: myApi[0]?.eventId,
      type: "ecs.deployment.failed",
      data: { env: "sandbox", cluster: "production", service: "my-api", status: "ROLLBACK_SUCCESSFUL", url: "https://ss.example.com/audit?env=sandbox&cluster=production&service=my-api" },
    });
    expect((await listDeliveries(h.store().db, "payments-only", { limit: 100 })).deliveries.every((d) => (d.payload as { data: { service: string } }).data.service === "payments")).toBe(true);

    expect(await leader.tick()).toBe(0);
    // Another replica is not the leader while replica-a's lease runs: it does not even ask ECS.
    await h.sandbox.control.resetCounters();
    expect(await watcher("replica-b").tick()).toBe(0);
    expect(callsOf(await h.sandbox.control.counters(), "ListServiceDeployments")).toBe(0);
  });

  it("leaves a deployment one of our operations made to that operation's own notifications", async () => {
    await h.sandbox.control.reset("demo");
    const ctx = await h.ctx(actor("admin"));
    const target = { container: "app", tag: MY_API_CRASHING_TAG };
    const plan = await planOperation(ctx, { ref: REF("my-api"), target });
    const override = plan.preflight.checks.some((c) => c.id === "scan-gate" && c.status === "block") ? { scanGate: "drill" } : undefined;
    const { operation } = await startOperation(ctx, { ref: REF("my-api"), idempotencyKey: `watch-${Date.now()}`, action: "deploy", target, reason: "drill", ...(override && { override }) });
    const done = await h.followUntilDone(operation.id);
    expect(done.status).toBe("rolled_back");
    await h.sandbox.control.resetCounters();
    // replica-a still leads (its lease from the test above), so this pass does ask ECS.
    await watcher("replica-a").tick();
    expect(callsOf(await h.sandbox.control.counters(), "ListServiceDeployments")).toBeGreaterThan(0);
    const arns = (await listDeliveries(h.store().db, "ci-hook", { limit: 100 })).deliveries.map((d) => (d.payload as { data: { serviceDeploymentArn?: string } }).data.serviceDeploymentArn);
    expect(done.serviceDeploymentArn).toBeTruthy();
    expect(arns).not.toContain(done.serviceDeploymentArn);
  });
});
