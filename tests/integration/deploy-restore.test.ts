// Restoring the demo environment to a moment, end to end against the sandbox with the real SDK: the plan
// lists what each service ran then; the restore starts one child rollback per ticked service under one
// parent, each followed to ECS's own outcome; the parent succeeds only when every child does. Refusals
// (a viewer, a moment in the future or before the history, a service someone else is changing) leave
// no operation and no lock behind.
import { describe, expect, it } from "vitest";
import { planRestore, startOperation, startRestore, stopRestore, type RestorePlanView } from "@/lib/deploy";
import { getTimeline } from "@/lib/queries/timeline";
import { timelineCsv } from "@/lib/queries/timeline-export";
import { parseTimelineQuery } from "@/lib/queries/timeline-query";
import { childrenOf, getOperation, getServiceLock, listAuditForOperation, listOperations, releaseServiceLock, updateOperation, type Operation } from "@/lib/store";
import { actor, REF, useDeployHarness } from "./deploy-support";
import { callsOf } from "./support";

const h = useDeployHarness();
const deployer = actor("deployer");
let n = 0;
const key = () => `restore-key-${++n}-${Date.now()}`;
const ENV = "sandbox";

async function rollBack(service: string): Promise<void> {
  const { operation } = await startOperation(await h.ctx(deployer), { ref: REF(service), idempotencyKey: key(), action: "rollback", target: { suggested: true }, reason: "move it away for the restore test" });
  expect((await h.followUntilDone(operation.id)).status).toBe("succeeded");
}

/**
 * The demo reset, `first` rolled back to their suggested version, the moment noted, then `services` in
 * production each rolled back to their suggested version.
 */
async function changeSince(services: string[], first: string[] = []): Promise<{ at: Date; before: RestorePlanView }> {
  await h.sandbox.control.reset("demo");
  for (const service of first) await rollBack(service);
  await h.sandbox.control.advance(60_000);
  const ctx = await h.ctx(deployer);
  const at = ctx.now();
  const before = await planRestore(ctx, { env: ENV, at });
  await h.sandbox.control.advance(60_000);
  for (const service of services) await rollBack(service);
  await h.sandbox.control.advance(60_000);
  return { at, before };
}

async function followChildren(parent: Operation): Promise<Operation[]> {
  const children = (await childrenOf(h.store().db, [parent.id])).get(parent.id) ?? [];
  for (const child of children) await h.followUntilDone(child.id);
  return (await childrenOf(h.store().db, [parent.id])).get(parent.id) ?? [];
}

const operationCount = async () => (await listOperations(h.store().db, {}, { limit: 200 })).operations.length;
const entry = (plan: RestorePlanView, cluster: string, service: string) => plan.services.find((s) => s.cluster === cluster && s.service === service);

describe("restoring production to a moment", () => {
  it("plans what changed since, restores three services under one parent, and ends succeeded", async () => {
    const { at, before } = await changeSince(["web", "worker", "notifications"]);
    const ctx = await h.ctx(deployer);
    const plan = await planRestore(ctx, { env: ENV, at });
    for (const service of ["web", "worker", "notifications"]) {
      const item = entry(plan, "production", service);
      expect(item?.status).toBe("changed");
      expect(item?.then?.label).toBe(entry(before, "production", service)?.now.label);
      expect(item?.now.containers.length).toBeGreaterThan(0);
      expect(item?.preflight?.verdict).not.toBe("block");
    }
    expect(entry(plan, "production", "payments")?.status).toBe("unchanged");
    expect(entry(plan, "staging", "web")?.status).toBe("unchanged");

    await h.sandbox.control.resetCounters();
    const started = await startRestore(ctx, { env: ENV, at, services: ["web", "worker", "notifications"].map((s) => ({ cluster: "production", service: s })), reason: "INC-7: back to before the release train", idempotencyKey: key() });
    expect(started.created).toBe(true);
    expect(started.operation).toMatchObject({ action: "restore", status: "running", cluster: "*", service: "*" });
    expect(started.children.map((c) => c.service).sort()).toEqual(["notifications", "web", "worker"]);
    expect(started.children.every((c) => c.parentId === started.operation.id && c.action === "rollback")).toBe(true);
    expect(callsOf(await h.sandbox.control.counters(), "UpdateService")).toBe(3);
    for (const child of started.children) expect((await getServiceLock(h.store().db, `sandbox/production/${child.service}`))?.operationId).toBe(child.id);

    const children = await followChildren(started.operation);
    expect(children.map((c) => c.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const [parent] = (await listOperations(h.store().db, { action: "restore" }, { limit: 1 })).operations;
    expect(parent).toMatchObject({ id: started.operation.id, status: "succeeded", outcomeReason: expect.stringMatching(/^All 3 services restored/) });
    const kinds = (await listAuditForOperation(h.store().db, started.operation.id)).map((e) => e.kind);
    expect(kinds).toEqual(["intent", "outcome"]);

    // The timeline: one entry for the restore with its three children folded under it; the export lists
    // the children after it, each naming its parent. Asked about one service, that service's own child shows.
    const opts = { config: h.config, now: h.now(), store: h.store() };
    const page = await getTimeline(parseTimelineQuery({ window: "24h", source: "ours", limit: "200" }, h.now()), opts);
    const restores = page.entries.filter((e) => e.action === "restore");
    expect(restores.map((e) => e.operationId)).toEqual([started.operation.id]);
    expect(restores[0]?.children?.map((c) => `${c.service}:${c.outcome}`).sort()).toEqual(["notifications:succeeded", "web:succeeded", "worker:succeeded"]);
    expect(page.entries.some((e) => e.parentId === started.operation.id)).toBe(false);
    const csv = timelineCsv(page.entries).trimEnd().split("\r\n");
    // The restore's own row (operation_id) and its three children's (parent_operation_id).
    expect(csv.filter((line) => line.includes(`,${started.operation.id},`)).length).toBe(4);
    const webOnly = await getTimeline(parseTimelineQuery({ window: "24h", source: "ours", service: "web", limit: "200" }, h.now()), opts);
    expect(webOnly.entries.find((e) => e.parentId === started.operation.id)?.service).toBe("web");

    const after = await planRestore(await h.ctx(deployer), { env: ENV, at });
    for (const service of ["web", "worker", "notifications"]) expect(entry(after, "production", service)?.status).toBe("unchanged");

    const replay = await startRestore(await h.ctx(deployer), { env: ENV, at, services: [{ cluster: "production", service: "web" }], reason: "double click", idempotencyKey: started.operation.idempotencyKey });
    expect(replay).toMatchObject({ created: false, operation: { id: started.operation.id } });
    expect(replay.children).toHaveLength(3);
  });

  it("a child whose restored image crashes ends rolled_back, and the parent partial naming each child", async () => {
    // The demo's running my-api image has a CRITICAL finding: the moment is after my-api went back to a clean one.
    const { at } = await changeSince(["my-api", "worker"], ["my-api"]);
    const ctx = await h.ctx(deployer);
    const plan = await planRestore(ctx, { env: ENV, at });
    const app = entry(plan, "production", "my-api")?.then?.containers.find((c) => c.name === "app");
    expect(app?.digest ?? app?.tag).toBeTruthy();
    await h.sandbox.control.markCrashing({ repository: "my-api", image: (app?.digest ?? app?.tag) as string, crashing: true });

    const started = await startRestore(ctx, { env: ENV, at, services: [{ cluster: "production", service: "my-api" }, { cluster: "production", service: "worker" }], reason: "INC-8", idempotencyKey: key() });
    const children = await followChildren(started.operation);
    expect(Object.fromEntries(children.map((c) => [c.service, c.status]))).toEqual({ "my-api": "rolled_back", worker: "succeeded" });
    const [parent] = (await listOperations(h.store().db, { action: "restore" }, { limit: 1 })).operations;
    expect(parent?.status).toBe("partial");
    expect(parent?.outcomeReason).toBe("1 of 2 services restored (production/my-api: rolled_back, production/worker: succeeded).");
  });

  it("stop on the parent stops every child still in progress, and the parent ends partial", async () => {
    const { at } = await changeSince(["web", "worker"]);
    const started = await startRestore(await h.ctx(deployer), { env: ENV, at, services: [{ cluster: "production", service: "web" }, { cluster: "production", service: "worker" }], reason: "INC-9", idempotencyKey: key() });
    const stopped = await stopRestore(await h.ctx(deployer), { id: started.operation.id, reason: "wrong moment", idempotencyKey: key() });
    expect(stopped.children.map((c) => [c.service, c.stopped])).toEqual([["web", true], ["worker", true]]);
    const children = await followChildren(started.operation);
    expect(children.map((c) => c.status)).toEqual(["stopped", "stopped"]);
    const [parent] = (await listOperations(h.store().db, { action: "restore" }, { limit: 1 })).operations;
    expect(parent?.status).toBe("partial");
    expect(parent?.outcomeReason).toMatch(/production\/web: stopped, production\/worker: stopped/);
  });
});

describe("a restore whose last child ended without settling it (the server died in between)", () => {
  it("is settled by the follower's next tick", async () => {
    const { at } = await changeSince(["worker"]);
    const started = await startRestore(await h.ctx(deployer), { env: ENV, at, services: [{ cluster: "production", service: "worker" }], reason: "INC-11", idempotencyKey: key() });
    const [child] = started.children;
    // The child's end as a dying server left it: recorded, but settleRestore never ran.
    await updateOperation(h.store().db, child?.id as string, { status: "succeeded", outcomeReason: "done", finishedAt: h.now() }, { now: h.now() });
    await releaseServiceLock(h.store().db, "sandbox/production/worker", child?.id as string);
    expect((await getOperation(h.store().db, started.operation.id))?.status).toBe("running");
    await h.follower().tick();
    expect(await getOperation(h.store().db, started.operation.id)).toMatchObject({ status: "succeeded", outcomeReason: "All 1 services restored (production/worker: succeeded)." });
  });
});

describe("refused with nothing written", () => {
  it("a service another person is changing: 409 naming who; no restore, no child, no lock", async () => {
    const { at } = await changeSince(["web", "worker"]);
    const other = actor("deployer", "grace@example.com");
    const { operation: theirs } = await startOperation(await h.ctx(other), { ref: REF("worker"), idempotencyKey: key(), action: "rollback", target: { suggested: true }, reason: "grace is on it" });
    const count = await operationCount();
    await h.sandbox.control.resetCounters();
    await expect(
      startRestore(await h.ctx(deployer), { env: ENV, at, services: [{ cluster: "production", service: "web" }, { cluster: "production", service: "worker" }], reason: "INC-10", idempotencyKey: key() }),
    ).rejects.toMatchObject({ name: "ConflictError", reason: "lock-held", message: expect.stringMatching(/^production\/worker: grace@example\.com is already changing this service/), details: { heldBy: "grace@example.com" } });
    expect(await operationCount()).toBe(count);
    expect(await getServiceLock(h.store().db, "sandbox/production/web")).toBeUndefined();
    expect((await getServiceLock(h.store().db, "sandbox/production/worker"))?.operationId).toBe(theirs.id);
    expect(callsOf(await h.sandbox.control.counters(), "UpdateService")).toBe(0);
  });

  it.each([
    { name: "a viewer", who: actor("viewer"), at: (now: Date) => new Date(now.getTime() - 1000), error: { name: "ForbiddenError" } },
    { name: "a moment in the future", who: deployer, at: (now: Date) => new Date(now.getTime() + 3_600_000), error: { name: "BadRequestError", message: expect.stringMatching(/is in the future/) } },
    { name: "a moment before the recorded history", who: deployer, at: (now: Date) => new Date(now.getTime() - 200 * 86_400_000), error: { name: "BadRequestError", message: expect.stringMatching(/before the recorded history/) } },
  ])("$name", async ({ who, at, error }) => {
    await h.sandbox.control.reset("demo");
    const ctx = await h.ctx(who);
    const count = await operationCount();
    await h.sandbox.control.resetCounters();
    await expect(startRestore(ctx, { env: ENV, at: at(ctx.now()), services: [{ cluster: "production", service: "web" }], reason: "refused", idempotencyKey: key() })).rejects.toMatchObject(error);
    expect(await operationCount()).toBe(count);
    expect(await getServiceLock(h.store().db, "sandbox/production/web")).toBeUndefined();
    expect(callsOf(await h.sandbox.control.counters(), "UpdateService")).toBe(0);
  });

  it("an unchanged service refuses the restore (untick it)", async () => {
    const { at } = await changeSince(["web"]);
    await expect(startRestore(await h.ctx(deployer), { env: ENV, at, services: [{ cluster: "production", service: "payments" }], reason: "nothing to do", idempotencyKey: key() })).rejects.toMatchObject({
      name: "PreflightBlockedError",
      message: expect.stringMatching(/production\/payments runs payments:\d+ now, as it did then; untick it/),
    });
  });
});
