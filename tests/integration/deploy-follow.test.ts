// The follower and the stop verb against the demo sandbox: stopping a blue/green deployment during its
// bake time ends `stopped`; a replica that dies mid-follow is replaced once its lease expires and the
// outcome is still recorded; where the service-deployments API is refused, the operation is followed from
// DescribeServices alone and says so; a deleted service ends its operation failed; a rollout that never
// finishes ends timed_out and is not reverted.
import { DeleteServiceCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { Follower, planOperation, startOperation, stopRollout, stopsOfService } from "@/lib/deploy";
import { getOperation } from "@/lib/store";
import { DEMO_BLUE_GREEN } from "../../sandbox/seed/demo-facts";
import { TEST_CREDENTIALS } from "../support/sandbox";
import { actor, REF, useDeployHarness } from "./deploy-support";
import { callsOf } from "./support";

const h = useDeployHarness();
const deployer = actor("deployer");
let n = 0;
const key = () => `follow-key-${++n}-${Date.now()}`;

describe("stop and roll back", () => {
  it("stops a blue/green web deployment during its bake time and ends stopped", async () => {
    await h.sandbox.control.reset("demo");
    const ctx = await h.ctx(deployer);
    const { operation } = await startOperation(ctx, { ref: REF(DEMO_BLUE_GREEN.service), idempotencyKey: key(), action: "rollback", target: { suggested: true }, reason: "bake-time drill" });
    const follower = h.follower();
    for (let i = 0; i < 120; i++) {
      await h.sandbox.control.advance(5000);
      await h.ctx(deployer);
      await follower.tick();
      const op = await getOperation(h.store().db, operation.id);
      if ((op?.progress as { stage?: string } | null)?.stage === "BAKE_TIME") break;
      expect(op?.status).toBe("running");
    }
    const baking = await getOperation(h.store().db, operation.id);
    expect(baking?.progress).toMatchObject({ stage: "BAKE_TIME", bakeLeftMs: expect.any(Number) });

    await h.sandbox.control.resetCounters();
    const stopped = await stopRollout(await h.ctx(deployer), { ref: REF(DEMO_BLUE_GREEN.service), idempotencyKey: key(), reason: "errors in bake" });
    expect(stopped).toMatchObject({ created: false, operation: { id: operation.id } });
    expect(callsOf(await h.sandbox.control.counters(), "StopServiceDeployment")).toBe(1);
    const done = await h.followUntilDone(operation.id, { follower });
    expect(done.status).toBe("stopped");
    expect(done.outcomeReason).toMatch(/request/);
    // The stop added to our rollback says who sent it, for the service page (rollback-statement.ts).
    expect(await stopsOfService(await h.ctx(deployer), REF(DEMO_BLUE_GREEN.service))).toContainEqual({
      serviceDeploymentArn: done.serviceDeploymentArn,
      actor: deployer.name,
      role: "deployer",
      reason: "errors in bake",
    });
  });

  it("refuses to stop when nothing is rolling out", async () => {
    await h.sandbox.control.reset("demo");
    await expect(stopRollout(await h.ctx(deployer), { ref: REF("payments"), idempotencyKey: key(), reason: "nothing to stop" })).rejects.toMatchObject({ name: "ConflictError", message: expect.stringMatching(/No deployment is in progress/) });
  });
});

describe("following survives a replica dying", () => {
  it("lets another replica take over once the lease expires, and records the outcome", async () => {
    await h.sandbox.control.reset("demo");
    const ctx = await h.ctx(deployer);
    const { operation } = await startOperation(ctx, { ref: REF("notifications"), idempotencyKey: key(), action: "rollback", target: { suggested: true }, reason: "takeover drill" });
    const dying = h.follower("replica-a");
    await dying.tick();
    expect((await getOperation(h.store().db, operation.id))?.leaseOwner).toBe("replica-a");
    // replica-a dies here: it never ticks or releases again.
    const survivor = h.follower("replica-b");
    await survivor.tick();
    expect(survivor.following).toEqual([]);
    await h.sandbox.control.advance(h.config.deploy.leaseTtlMs + 1000);
    const done = await h.followUntilDone(operation.id, { follower: survivor });
    expect(done).toMatchObject({ status: "succeeded", leaseOwner: null });
  });
});

describe("without the service-deployments API", () => {
  it("follows from DescribeServices alone and says so", async () => {
    await h.sandbox.control.reset("demo");
    const ctx = await h.ctx(deployer);
    const plan = await planOperation(ctx, { ref: REF("notifications"), target: { suggested: true } });
    const allow = ["ecr:*", "iam:PassRole", "ecs:DescribeServices", "ecs:DescribeTaskDefinition", "ecs:DescribeTasks", "ecs:DescribeClusters", "ecs:ListTasks", "ecs:ListServices", "ecs:ListClusters", "ecs:ListTaskDefinitions", "ecs:UpdateService"];
    await h.sandbox.control.setIam({ identities: { [TEST_CREDENTIALS.accessKeyId]: { user: "dashboard", allow } } });
    try {
      const { operation } = await startOperation(ctx, { ref: REF("notifications"), idempotencyKey: key(), action: "rollback", target: { revision: plan.target.label }, reason: "old account drill" });
      expect(operation).toMatchObject({ serviceDeploymentArn: null, followMode: "describe-services" });
      const done = await h.followUntilDone(operation.id);
      expect(done.status).toBe("succeeded");
      expect(done.outcomeDetail).toMatchObject({ fallback: true });
    } finally {
      await h.sandbox.control.clearIam();
    }
  });
});

describe("a service deleted while followed", () => {
  it("ends that operation failed and keeps following the others of the environment", async () => {
    await h.sandbox.control.reset("demo");
    const ctx = await h.ctx(deployer);
    const doomed = await startOperation(ctx, { ref: REF("notifications"), idempotencyKey: key(), action: "rollback", target: { suggested: true }, reason: "deleted mid-follow" });
    const other = await startOperation(ctx, { ref: REF("payments"), idempotencyKey: key(), action: "rollback", target: { suggested: true }, reason: "keeps going" });
    await h.sandbox.ecs.send(new DeleteServiceCommand({ cluster: "production", service: "notifications", force: true }));
    const follower = h.follower();
    const gone = await h.followUntilDone(doomed.operation.id, { follower });
    expect(gone).toMatchObject({ status: "failed", outcomeReason: expect.stringMatching(/production\/notifications (is DRAINING|no longer exists)/) });
    expect((await h.followUntilDone(other.operation.id, { follower })).status).toBe("succeeded");
  });
});

describe("a rollout that never finishes", () => {
  it("ends timed_out after the follow timeout and changes nothing more", async () => {
    await h.sandbox.control.reset("demo");
    // notifications has neither a circuit breaker nor alarms: a crashing image retries for ever.
    const pushed = await h.sandbox.control.push({ repository: "notifications", crashing: true });
    const ctx = await h.ctx(actor("admin"));
    const target = { container: "app", digest: pushed.digest };
    const { operation } = await startOperation(ctx, { ref: REF("notifications"), idempotencyKey: key(), action: "deploy", target, reason: "timeout drill", override: { scanGate: "drill" } });
    await h.sandbox.control.resetCounters();
    const follower = new Follower({ config: { ...h.config, deploy: { ...h.config.deploy, followTimeoutMs: 60_000 } }, store: h.store(), owner: "short-timeout", now: h.now });
    const done = await h.followUntilDone(operation.id, { follower, stepMs: 10_000 });
    expect(done.status).toBe("timed_out");
    expect(done.outcomeReason).toMatch(/^No outcome after 1 min/);
    const counters = await h.sandbox.control.counters();
    expect(callsOf(counters, "UpdateService") + callsOf(counters, "StopServiceDeployment")).toBe(0);
  });
});
