// The write side of /api/v1 against the demo sandbox with the real SDK and a temp SQLite store: plan,
// start, stop, read back and list operations; every error status; idempotency; ten requests at once;
// AWS throttling, failures and IAM denials. Route handlers are called directly with API tokens.
import { DescribeServicesCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { GET as getOperationRoute } from "@/app/api/v1/operations/[id]/route";
import { GET as listRoute } from "@/app/api/v1/operations/route";
import { POST as operationsRoute } from "@/app/api/v1/services/[env]/[cluster]/[service]/operations/route";
import { GET as planRoute } from "@/app/api/v1/services/[env]/[cluster]/[service]/plan/route";
import { POST as stopRoute } from "@/app/api/v1/services/[env]/[cluster]/[service]/stop/route";
import { PAYMENTS_ARCHIVED_TAG } from "../../sandbox/seed/demo-facts";
import { TEST_CREDENTIALS } from "../support/sandbox";
import { call, freshKey, TOKENS, setUpWriteApi } from "./api-write-support";
import { callsOf } from "./support";

const sandbox = setUpWriteApi();
const svc = (service: string, cluster = "production") => ({ env: "sandbox", cluster, service });
const rollback = { action: "rollback", target: { suggested: true }, reason: "INC-7: back to the last good version" };

describe("GET …/plan", () => {
  it("answers the plan, diff and preflight to a viewer and changes nothing", async () => {
    const { status, body } = await call(planRoute, { params: svc("worker"), role: "viewer", query: "?suggested=1" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ current: { label: "worker:38" }, target: { label: "worker:37" }, plan: { needsRegistration: false }, preflight: { checks: expect.any(Array) } });
    const counters = await sandbox.control.counters();
    expect(callsOf(counters, "UpdateService") + callsOf(counters, "RegisterTaskDefinition")).toBe(0);
  });

  it.each([
    ["?revision=worker", 400, /revision must look like family:N/],
    ["?container=app", 400, /target/],
    ["?suggested=1&force=1", 400, /Unknown query parameter "force"/],
    ["?revision=web:3", 400, /family|web/],
    ["?revision=worker:999", 400, /worker:999/],
  ])("%s → %i", async (query, expected, message) => {
    const { status, body } = await call(planRoute, { params: svc("worker"), role: "viewer", query });
    expect(status).toBe(expected);
    expect(body.error.message).toMatch(message);
  });
});

describe("POST …/operations", () => {
  it("starts a rollback (202), records the token's name, and a replay of the key answers 200 with the same operation", async () => {
    const headers = freshKey();
    const first = await call(operationsRoute, { params: svc("my-api"), body: rollback, headers });
    expect(first.status).toBe(202);
    expect(first.body.operation).toMatchObject({ action: "rollback", status: "running", actor: { name: TOKENS.deployer.name, kind: "token", role: "deployer" }, to: { label: "my-api:17" } });
    const again = await call(operationsRoute, { params: svc("my-api"), body: rollback, headers });
    expect(again.status).toBe(200);
    expect(again.body.operation.id).toBe(first.body.operation.id);
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(1);

    const read = await call(getOperationRoute, { params: { id: first.body.operation.id }, role: "viewer" });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: first.body.operation.id, reason: rollback.reason, ecs: { deploymentId: expect.stringMatching(/^ecs-svc\//) } });
    expect(read.body.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const list = await call(listRoute, { role: "viewer", query: `?service=my-api&actor=${TOKENS.deployer.name}&outcome=running,failed&limit=5` });
    expect(list.status).toBe(200);
    expect(list.body.operations.map((o: { id: string }) => o.id)).toEqual([first.body.operation.id]);
    expect(list.body.nextCursor).toBeNull();
  });

  it.each([
    ["no Idempotency-Key", {}, rollback, /Idempotency-Key header is required/],
    ["a bad Idempotency-Key", { "idempotency-key": "short" }, rollback, /Idempotency-Key must be/],
    ["malformed JSON", freshKey(), "{not json", /not valid JSON/],
    ["an unknown field", freshKey(), { ...rollback, force: true }, /force|Unrecognized/],
    ["a missing reason", freshKey(), { action: "rollback", target: { suggested: true } }, /reason is required/],
    ["an over-long reason", freshKey(), { ...rollback, reason: "x".repeat(1001) }, /at most 1,000/],
    ["a bad target", freshKey(), { ...rollback, target: { revision: "nope" } }, /revision must look like family:N/],
    ["a body over 16 KB", freshKey(), { ...rollback, padding: "x".repeat(17_000) }, /larger than 16384 bytes/],
  ])("answers 400 to %s, and calls no AWS write", async (_what, headers, body, message) => {
    const { status, body: answer } = await call(operationsRoute, { params: svc("worker", "staging"), body, headers });
    expect(status).toBe(400);
    expect(answer.error).toMatchObject({ code: "bad_request", message: expect.stringMatching(message) });
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(0);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const { status, body } = await call(operationsRoute, { params: svc("worker", "staging"), body: "reason=x", headers: { ...freshKey(), "content-type": "text/plain" } });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/Content-Type must be application\/json/);
  });

  it("answers a viewer 403 on every POST", async () => {
    const start = await call(operationsRoute, { params: svc("worker", "staging"), role: "viewer", body: rollback, headers: freshKey() });
    const stop = await call(stopRoute, { params: svc("worker", "staging"), role: "viewer", body: { reason: "x" }, headers: freshKey() });
    for (const answer of [start, stop]) expect(answer).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: expect.stringMatching(/deployer/) } } });
  });

  it("answers 401 without a token", async () => {
    const response = await operationsRoute(new Request("http://localhost/x", { method: "POST", body: "{}" }), { params: Promise.resolve(svc("worker")) });
    expect(response.status).toBe(401);
  });

  it("answers 409 stale-view when the caller saw another task definition", async () => {
    const stale = "arn:aws:ecs:ap-south-1:123456789012:task-definition/worker-staging:1";
    const { status, body } = await call(operationsRoute, { params: svc("worker", "staging"), body: { ...rollback, expectedTaskDefinition: stale }, headers: freshKey() });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: "conflict", reason: "stale-view" });
  });

  it("answers 422 when preflight blocks (an ARCHIVED image), and 403 to a deployer's override", async () => {
    const target = { container: "app", tag: PAYMENTS_ARCHIVED_TAG };
    const blocked = await call(operationsRoute, { params: svc("payments"), body: { ...rollback, action: "deploy", target }, headers: freshKey() });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error).toMatchObject({ code: "preflight_blocked", checks: expect.arrayContaining([expect.objectContaining({ check: "image" })]) });
    const override = await call(operationsRoute, { params: svc("payments"), body: { ...rollback, override: { scanGate: "drill" } }, headers: freshKey() });
    expect(override).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/admin/) } } });
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(0);
  });

  it("answers ten simultaneous requests for one service with one UpdateService and nine 409s naming the holder", async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(operationsRoute, { params: svc("worker"), body: rollback, headers: freshKey() })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, ...Array(9).fill(409)]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.error).toMatchObject({ reason: "lock-held", heldBy: TOKENS.deployer.name, message: expect.stringContaining(TOKENS.deployer.name) });
    }
    expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(1);
  });
});

describe("POST …/stop", () => {
  it("stops the deployment in progress (202) and answers 409 when none is", async () => {
    const started = await call(operationsRoute, { params: svc("my-api", "staging"), role: "admin", body: { ...rollback, override: { scanGate: "test" } }, headers: freshKey() });
    expect(started.status).toBe(202);
    const stopped = await call(stopRoute, { params: svc("my-api", "staging"), role: "admin", body: { reason: "INC-8: stop it" }, headers: freshKey() });
    expect(stopped.status).toBe(202);
    expect(stopped.body.operation.id).toBe(started.body.operation.id);
    expect(callsOf(await sandbox.control.counters(), "StopServiceDeployment")).toBe(1);
    const none = await call(stopRoute, { params: svc("worker", "staging"), body: { reason: "nothing to stop" }, headers: freshKey() });
    expect(none).toMatchObject({ status: 409, body: { error: { reason: "in-progress" } } });
  });

  it("stops a deployment CI started as a new stop operation (202); a replay of its key answers 200", async () => {
    await sandbox.ecs.send(new UpdateServiceCommand({ cluster: "production", service: "notifications", forceNewDeployment: true }));
    const headers = freshKey();
    const first = await call(stopRoute, { params: svc("notifications"), body: { reason: "INC-9: stop CI's rollout" }, headers });
    expect(first).toMatchObject({ status: 202, body: { operation: { action: "stop", status: "running", actor: { name: TOKENS.deployer.name } } } });
    const again = await call(stopRoute, { params: svc("notifications"), body: { reason: "INC-9: stop CI's rollout" }, headers });
    expect(again.status).toBe(200);
    expect(again.body.operation.id).toBe(first.body.operation.id);
    expect(callsOf(await sandbox.control.counters(), "StopServiceDeployment")).toBe(1);
  });
});

describe("reading operations back", () => {
  it.each(["not-a-uuid", "00000000-0000-4000-8000-000000000000"])("answers 404 for %s", async (id) => {
    const { status, body } = await call(getOperationRoute, { params: { id }, role: "viewer" });
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: "not_found", what: "operation" });
  });

  it.each([
    ["?outcome=won", /outcome/],
    ["?limit=0", /limit/],
    ["?limit=abc", /limit/],
    ["?from=yesterday", /from/],
    ["?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", /from must be before to/],
    ["?env=Sandbox!", /env/],
    ["?cursor=garbage", /cursor/],
    ["?colour=red", /colour|Unrecognized/],
  ])("answers 400 to %s naming the parameter", async (query, message) => {
    const { status, body } = await call(listRoute, { role: "viewer", query });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
  });
});

describe("AWS faults", () => {
  it("retries a throttled UpdateService into exactly one deployment", async () => {
    process.env.AWS_MAX_ATTEMPTS = "6";
    await sandbox.control.setFaults({ rules: { UpdateService: { throttle: { ratePerSecond: 0.5, burst: 1 } } } });
    // Takes the bucket's only token without deploying anything (the cluster does not exist).
    await sandbox.ecs.send(new UpdateServiceCommand({ cluster: "nowhere", service: "x" })).catch(() => undefined);
    const { status } = await call(operationsRoute, { params: svc("payments", "staging"), role: "admin", body: { ...rollback, override: { scanGate: "test" } }, headers: freshKey() });
    delete process.env.AWS_MAX_ATTEMPTS;
    expect(status).toBe(202);
    const counts = (await sandbox.control.counters()).operations.UpdateService;
    expect(counts?.throttled).toBeGreaterThanOrEqual(1);
    const state = await sandbox.ecs.send(new DescribeServicesCommand({ cluster: "staging", services: ["payments"] }));
    expect(state.services?.[0]?.deployments?.filter((d) => d.status === "PRIMARY")).toHaveLength(1);
    expect(state.services?.[0]?.deployments?.filter((d) => d.taskDefinition?.endsWith("payments-staging:15"))).toHaveLength(1);
  });

  it("ends the operation failed with AWS's message and releases the lock when UpdateService keeps failing", async () => {
    await sandbox.control.setFaults({ seed: 1, rules: { UpdateService: { errorRate: 1 } } });
    const failed = await call(operationsRoute, { params: svc("web", "staging"), role: "admin", body: { ...rollback, override: { scanGate: "test" } }, headers: freshKey() });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const list = await call(listRoute, { role: "viewer", query: "?cluster=staging&service=web" });
    expect(list.body.operations[0]).toMatchObject({ status: "failed", outcomeReason: expect.stringMatching(/UpdateService|ServerException|AWS/) });
    await sandbox.control.clearFaults();
    const retry = await call(operationsRoute, { params: svc("web", "staging"), role: "admin", body: { ...rollback, override: { scanGate: "test" } }, headers: freshKey() });
    expect(retry.status).toBe(202);
  });

  it.each([
    ["ecs:RegisterTaskDefinition", ["ecs:Describe*", "ecs:List*", "ecs:UpdateService", "ecr:*", "iam:PassRole"]],
    ["iam:PassRole", ["ecs:*", "ecr:*"]],
  ])("answers 403 naming %s when IAM refuses it, and deploys nothing", async (action, allow) => {
    await sandbox.control.setIam({ identities: { [TEST_CREDENTIALS.accessKeyId]: { user: "dashboard", allow } } });
    try {
      const target = { container: "app", tag: (await sandbox.control.push({ repository: "web" })).tags[0] };
      const { status, body } = await call(operationsRoute, { params: svc("web"), role: "admin", body: { ...rollback, action: "deploy", target, override: { scanGate: "test" } }, headers: freshKey() });
      expect(status).toBe(403);
      expect(body.error).toMatchObject({ code: "aws_access_denied", iamAction: action });
      expect(callsOf(await sandbox.control.counters(), "UpdateService")).toBe(0);
    } finally {
      await sandbox.control.clearIam();
    }
  });
});
