// The rollback/deploy verbs end to end against the demo sandbox with the real SDK: plan, preflight,
// lock, audit, RegisterTaskDefinition/UpdateService, and the follower's outcome from ECS's own
// service deployment. The incident cases of product.md: a CRITICAL payments image rolled back to the
// suggested version (succeeded), and the crashing my-api image deployed (rolled_back, never succeeded).
import { describe, expect, it } from "vitest";
import { operationView, planOperation, startOperation } from "@/lib/deploy";
import { getServiceLock, listAuditForOperation } from "@/lib/store";
import { MY_API_CRASHING_TAG, PAYMENTS_CRITICAL_TAG } from "../../sandbox/seed/demo-facts";
import { actor, REF, useDeployHarness } from "./deploy-support";
import { callsOf } from "./support";

const h = useDeployHarness();
const deployer = actor("deployer");
let key = 0;
const nextKey = () => `test-key-${Date.now()}-${++key}`;

describe("rolling production payments back from its CRITICAL image", () => {
  it("plans the suggested version, deploys it once and follows it to succeeded", async () => {
    await h.sandbox.control.reset("demo");
    const ctx = await h.ctx(deployer);
    const plan = await planOperation(ctx, { ref: REF("payments"), target: { suggested: true } });
    expect(plan.current.containers[0]?.tag).toBe(PAYMENTS_CRITICAL_TAG);
    expect(plan.target.containers[0]?.tag).not.toBe(PAYMENTS_CRITICAL_TAG);
    expect(plan.suggestion?.reason).toBeTruthy();
    expect(plan.preflight.verdict).not.toBe("block");
    expect(plan.diff.containers.find((c) => c.name === "app")?.status).toBe("changed");

    await h.sandbox.control.resetCounters();
    const { operation, created } = await startOperation(ctx, {
      ref: REF("payments"),
      idempotencyKey: nextKey(),
      action: "rollback",
      target: { suggested: true },
      reason: "INC-101: CRITICAL CVE in the running image",
      expectedTaskDefinition: plan.current.taskDefinitionArn,
    });
    expect(created).toBe(true);
    const counters = await h.sandbox.control.counters();
    expect(callsOf(counters, "UpdateService")).toBe(1);
    expect(callsOf(counters, "RegisterTaskDefinition")).toBe(0);
    expect(callsOf(counters, "DeregisterTaskDefinition")).toBe(0);
    expect(operation.ecsDeploymentId).toMatch(/^ecs-svc\//);
    expect(operation.serviceDeploymentArn).toMatch(/service-deployment/);
    expect((await getServiceLock(h.store().db, "sandbox/production/payments"))?.operationId).toBe(operation.id);

    const done = await h.followUntilDone(operation.id);
    expect(done.status).toBe("succeeded");
    expect(done.outcomeReason).toMatch(/SUCCESSFUL/);
    expect(await getServiceLock(h.store().db, "sandbox/production/payments")).toBeUndefined();
    const kinds = (await listAuditForOperation(h.store().db, operation.id)).map((e) => e.kind);
    expect(kinds[0]).toBe("intent");
    expect(kinds).toContain("step");
    expect(kinds.at(-1)).toBe("outcome");
    const view = operationView(done);
    expect(view).toMatchObject({ action: "rollback", status: "succeeded", actor: { name: deployer.name, role: "deployer" }, ecs: { followMode: "service-deployments" } });
    expect(view.steps.map((s) => s.name)).toEqual(["update-service", "outcome"]);
  });
});

describe("deploying the crashing my-api image", () => {
  it("clones the current revision with only the app image pinned by digest, and ends rolled_back", async () => {
    await h.sandbox.control.reset("demo");
    const ctx = await h.ctx(actor("admin"));
    const target = { container: "app", tag: MY_API_CRASHING_TAG };
    const plan = await planOperation(ctx, { ref: REF("my-api"), target });
    expect(plan.plan.needsRegistration || plan.plan.summary.includes("reused")).toBe(true);
    const app = plan.target.containers.find((c) => c.name === "app");
    expect(app?.image).toMatch(/@sha256:[0-9a-f]{64}$/);
    expect(plan.target.containers.find((c) => c.name === "log-router")?.image).toBe(plan.current.containers.find((c) => c.name === "log-router")?.image);

    const override = plan.preflight.checks.some((c) => c.id === "scan-gate" && c.status === "block") ? { scanGate: "test: crash drill" } : undefined;
    const { operation } = await startOperation(ctx, { ref: REF("my-api"), idempotencyKey: nextKey(), action: "deploy", target, reason: "drill: deploy the crashing build", ...(override && { override }) });
    const done = await h.followUntilDone(operation.id);
    expect(done.status).toBe("rolled_back");
    expect(done.outcomeReason).toMatch(/circuit breaker/i);
    const detail = done.outcomeDetail as { stoppedTasks: { reason: string }[] };
    expect(detail.stoppedTasks.length).toBeGreaterThan(0);
    expect((await h.sandbox.control.counters()).operations.DeregisterTaskDefinition?.calls ?? 0).toBe(0);
  });
});
