// What the rollback/deploy verbs refuse, each with a clear typed error and no change: bad targets, roles,
// a stale view, an archived image, a lock held by someone else; and that a retry with the same
// idempotency key and ten simultaneous requests make exactly one UpdateService.
import { describe, expect, it } from "vitest";
import { planOperation, startOperation, type StartInput } from "@/lib/deploy";
import { getServiceLock, listOperations } from "@/lib/store";
import { PAYMENTS_ARCHIVED_DIGEST, PAYMENTS_ARCHIVED_TAG } from "../../sandbox/seed/demo-facts";
import { actor, REF, useDeployHarness } from "./deploy-support";
import { callsOf } from "./support";

const h = useDeployHarness();
let n = 0;
const key = () => `guard-key-${++n}-${Date.now()}`;
const DIGEST_NOWHERE = `sha256:${"0".repeat(64)}`;

async function writes(): Promise<number> {
  const counters = await h.sandbox.control.counters();
  return callsOf(counters, "UpdateService") + callsOf(counters, "RegisterTaskDefinition") + callsOf(counters, "StopServiceDeployment");
}

function input(over: Partial<StartInput> & Pick<StartInput, "target">): StartInput {
  return { ref: REF("web"), idempotencyKey: key(), action: "rollback", reason: "guard test", ...over };
}

describe("bad input is refused before any change", () => {
  it.each([
    ["an unknown revision", { target: { revision: "web:9999" } }, "BadRequestError", /web:9999 does not exist/],
    ["another family's revision", { target: { revision: "payments:3" } }, "BadRequestError", /belongs to family payments/],
    ["an unknown container", { target: { container: "sidecar", tag: "prod-abc1234" } }, "BadRequestError", /container "sidecar" is not in web/],
    ["an image from another repository", { target: { container: "app", tag: "payments:prod-abc1234" } }, "BadRequestError", /takes images from web, not from payments/],
    ["an unknown digest", { target: { container: "app", digest: DIGEST_NOWHERE } }, "BadRequestError", /has no image with digest/],
    ["an unknown tag", { target: { container: "app", tag: "prod-0000000" } }, "BadRequestError", /has no image with tag prod-0000000/],
    ["a malformed target", { target: { revision: "web" } }, "BadRequestError", /not of the form family:N/],
    ["a stale view", { target: { suggested: true }, expectedTaskDefinition: "arn:aws:ecs:ap-south-1:123456789012:task-definition/web:1" }, "ConflictError", /changed since you loaded it/],
  ] as const)("%s", async (_name, over, errorName, message) => {
    await h.sandbox.control.resetCounters();
    const ctx = await h.ctx(actor("deployer"));
    await expect(startOperation(ctx, input(over as Partial<StartInput> & Pick<StartInput, "target">))).rejects.toMatchObject({ name: errorName, message: expect.stringMatching(message) });
    expect(await writes()).toBe(0);
    expect(await getServiceLock(h.store().db, "sandbox/production/web")).toBeUndefined();
  });

  it.each([
    ["a viewer", actor("viewer"), {}, /needs the deployer role/],
    ["a deployer overriding the scan gate", actor("deployer"), { override: { scanGate: "trust me" } }, /Only an admin may override/],
  ])("refuses %s", async (_name, who, over, message) => {
    await h.sandbox.control.resetCounters();
    const ctx = await h.ctx(who);
    await expect(startOperation(ctx, input({ target: { suggested: true }, ...over }))).rejects.toMatchObject({ name: "ForbiddenError", message: expect.stringMatching(message) });
    expect(await writes()).toBe(0);
  });
});

describe("preflight", () => {
  it("blocks the archived payments image and says how to restore it, writing a refused audit row", async () => {
    const ctx = await h.ctx(actor("admin"));
    const target = { container: "app", digest: PAYMENTS_ARCHIVED_DIGEST };
    const plan = await planOperation(ctx, { ref: REF("payments"), target });
    const image = plan.preflight.checks.find((c) => c.id === "image");
    expect(image).toMatchObject({ status: "block", message: expect.stringMatching(/ARCHIVED.*update-image-storage-class/) });
    expect(plan.target.containers.find((c) => c.name === "app")?.tag).toBe(PAYMENTS_ARCHIVED_TAG);
    await h.sandbox.control.resetCounters();
    await expect(startOperation(ctx, input({ ref: REF("payments"), target, action: "deploy" }))).rejects.toMatchObject({ name: "PreflightBlockedError" });
    expect(await writes()).toBe(0);
  });
});

describe("one change per service at a time", () => {
  it("answers a retry with the same idempotency key with the same operation", async () => {
    await h.sandbox.control.reset("demo");
    await h.sandbox.control.resetCounters();
    const ctx = await h.ctx(actor("deployer"));
    const same = input({ ref: REF("notifications"), target: { suggested: true } });
    const first = await startOperation(ctx, same);
    const second = await startOperation(ctx, same);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, operation: { id: first.operation.id } });
    expect(callsOf(await h.sandbox.control.counters(), "UpdateService")).toBe(1);
    expect((await h.followUntilDone(first.operation.id)).status).toBe("succeeded");
  });

  it("lets one of ten simultaneous requests through and refuses nine naming the holder", async () => {
    await h.sandbox.control.reset("demo");
    await h.sandbox.control.resetCounters();
    const people = Array.from({ length: 10 }, (_, i) => actor("deployer", `oncall-${i}@example.com`));
    const results = await Promise.allSettled(people.map(async (who) => startOperation(await h.ctx(who), input({ ref: REF("worker"), target: { suggested: true } }))));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const error of refused) expect(error).toMatchObject({ name: "ConflictError", message: expect.stringMatching(/oncall-\d@example.com is already changing this service/) });
    expect(callsOf(await h.sandbox.control.counters(), "UpdateService")).toBe(1);
    const ops = await listOperations(h.store().db, { service: "worker" }, { limit: 50 });
    expect(ops.operations.filter((o) => o.status === "running")).toHaveLength(1);
  });
});
