// The restore routes of /api/v1 against the demo sandbox with the real SDK and a temp SQLite store: the
// plan and the start (Idempotency-Key, 202 then 200 on a replay), the parent read back with its children,
// stop on the parent, and each bad input answered with a 4xx naming it before anything is written.
import { DescribeServicesCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as planRoute, POST as restoreRoute } from "@/app/api/v1/environments/[env]/restore/route";
import { GET as getOperationRoute } from "@/app/api/v1/operations/[id]/route";
import { POST as stopRoute } from "@/app/api/v1/restores/[id]/stop/route";
import { call, freshKey, setUpWriteApi } from "./api-write-support";
import { callsOf } from "./support";

const sandbox = setUpWriteApi();
const env = { env: "sandbox" };
let at = "";

beforeAll(async () => {
  await sandbox.control.reset("demo");
  at = new Date(await sandbox.control.now()).toISOString();
  await sandbox.control.advance(60_000);
  // CI moves worker and notifications to an older revision after the moment; ECS finishes both deployments.
  for (const service of ["worker", "notifications"]) {
    const [current] = (await sandbox.ecs.send(new DescribeServicesCommand({ cluster: "production", services: [service] }))).services ?? [];
    const revision = Number(current?.taskDefinition?.split(":").at(-1));
    await sandbox.ecs.send(new UpdateServiceCommand({ cluster: "production", service, taskDefinition: `${service}:${revision - 2}` }));
  }
  for (let i = 0; i < 60; i++) await sandbox.control.advance(10_000);
});

describe("GET /api/v1/environments/{env}/restore", () => {
  it("answers the plan to a deployer: changed, unchanged, and the preflight of each change", async () => {
    const { status, body } = await call(planRoute, { params: env, query: `?at=${at}` });
    expect(status).toBe(200);
    const worker = body.services.find((s: { cluster: string; service: string }) => s.cluster === "production" && s.service === "worker");
    expect(worker).toMatchObject({ status: "changed", now: { label: "worker:36" }, then: { label: "worker:38" }, preflight: { verdict: expect.any(String) } });
    expect(body.services.find((s: { service: string; cluster: string }) => s.cluster === "production" && s.service === "payments")).toMatchObject({ status: "unchanged" });
    expect(body.at).toBe(at);
  });

  it.each([
    { name: "a viewer", role: "viewer" as const, query: () => `?at=${at}`, status: 403, message: /deployer/ },
    { name: "no at", query: () => "", status: 400, message: /^at: / },
    { name: "a time without a zone", query: () => "?at=2026-11-20T14:00:00", status: 400, message: /at must be an ISO-8601 time with a zone/ },
    { name: "not a time", query: () => "?at=yesterday", status: 400, message: /at must be an ISO-8601 time/ },
    { name: "an unknown parameter", query: () => `?at=${at}&force=1`, status: 400, message: /Unknown query parameter "force"/ },
    { name: "the future", query: () => `?at=${new Date(Date.now() + 86_400_000 * 400).toISOString()}`, status: 400, message: /is in the future/ },
    { name: "before the recorded history", query: () => "?at=2020-01-01T00:00:00Z", status: 400, message: /before the recorded history/ },
  ])("$name → $status", async ({ role, query, status, message }) => {
    const res = await call(planRoute, { params: env, query: query(), ...(role && { role }) });
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it("an unknown environment → 404", async () => {
    expect((await call(planRoute, { params: { env: "nowhere" }, query: `?at=${at}` })).status).toBe(404);
  });
});

describe("POST /api/v1/environments/{env}/restore", () => {
  it.each([
    { name: "no Idempotency-Key", body: () => ({ at, services: ["production/worker"], reason: "r" }), headers: {}, message: /Idempotency-Key header is required/ },
    { name: "an unknown field", body: () => ({ at, services: ["production/worker"], reason: "r", force: true }), headers: freshKey(), message: /force|Unrecognized/ },
    { name: "no services", body: () => ({ at, services: [], reason: "r" }), headers: freshKey(), message: /tick at least one service/ },
    { name: "a service that is not cluster/service", body: () => ({ at, services: ["worker"], reason: "r" }), headers: freshKey(), message: /"worker" is not cluster\/service/ },
    { name: "a service twice", body: () => ({ at, services: ["production/worker", "production/worker"], reason: "r" }), headers: freshKey(), message: /each service at most once/ },
    { name: "no reason", body: () => ({ at, services: ["production/worker"] }), headers: freshKey(), message: /reason is required/ },
  ])("$name → 400 and nothing started", async ({ body, headers, message }) => {
    await sandbox.control.resetCounters();
    const res = await call(restoreRoute, { params: env, body: body(), headers });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(0);
  });

  it("a viewer → 403; an unchanged service → 422 naming it", async () => {
    expect((await call(restoreRoute, { params: env, role: "viewer", body: { at, services: ["production/worker"], reason: "r" }, headers: freshKey() })).status).toBe(403);
    const unchanged = await call(restoreRoute, { params: env, body: { at, services: ["production/payments"], reason: "r" }, headers: freshKey() });
    expect(unchanged).toMatchObject({ status: 422, body: { error: { code: "preflight_blocked", message: expect.stringMatching(/production\/payments runs payments:\d+ now, as it did then/) } } });
  });

  it("starts the restore (202) with its children, replays 200, reads back with children, and stops (202)", async () => {
    const headers = freshKey();
    await sandbox.control.resetCounters();
    const body = { at, services: ["production/worker", "production/notifications"], reason: "INC-12: back to before CI's change" };
    const first = await call(restoreRoute, { params: env, body, headers });
    expect(first.status).toBe(202);
    expect(first.body.operation).toMatchObject({ action: "restore", status: "running", reason: body.reason, children: [{ service: { service: "notifications" }, action: "rollback" }, { service: { service: "worker" }, to: { label: "worker:38" } }] });
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(2);
    const again = await call(restoreRoute, { params: env, body, headers });
    expect(again.status).toBe(200);
    expect(again.body.operation.id).toBe(first.body.operation.id);
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(2);

    const read = await call(getOperationRoute, { params: { id: first.body.operation.id }, role: "viewer" });
    expect(read.body.children.map((c: { parentId: string }) => c.parentId)).toEqual([first.body.operation.id, first.body.operation.id]);

    const stopped = await call(stopRoute, { params: { id: first.body.operation.id }, body: { reason: "wrong moment" }, headers: freshKey() });
    expect(stopped.status).toBe(202);
    expect(stopped.body.children.map((c: { service: string; stopped: boolean }) => [c.service, c.stopped])).toEqual([["notifications", true], ["worker", true]]);
    expect(callsOf(await sandbox.control.counters(), "StopServiceDeployment")).toBe(2);
  });

  it("stop: an unknown restore → 404, a viewer → 403, no Idempotency-Key → 400", async () => {
    expect((await call(stopRoute, { params: { id: "00000000-0000-4000-8000-000000000000" }, body: { reason: "r" }, headers: freshKey() })).status).toBe(404);
    expect((await call(stopRoute, { params: { id: "00000000-0000-4000-8000-000000000000" }, role: "viewer", body: { reason: "r" }, headers: freshKey() })).status).toBe(403);
    expect((await call(stopRoute, { params: { id: "00000000-0000-4000-8000-000000000000" }, body: { reason: "r" } })).status).toBe(400);
  });
});
