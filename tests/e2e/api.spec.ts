// The JSON API over real HTTP against the built server: Next hands route handlers their context
// itself (no `params` at all for a route without segments), which calling a handler directly in
// the integration tests cannot show.
import { expect, test } from "@playwright/test";
import { prodShaOf } from "./sandbox-truth";
import { TOKENS } from "./support/auth-fixtures";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test.describe("JSON API", () => {
  test("GET /api/v1/services answers the overview with the SHA in prod", async ({ request }) => {
    const response = await request.get("/api/v1/services");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = (await response.json()) as { asOf: string; environments: Array<{ clusters: Array<{ name: string; services: Array<{ name: string }> }> }> };
    expect(body.asOf).toMatch(/^\d{4}-\d\d-\d\dT/);
    const production = body.environments[0]?.clusters.find((c) => c.name === "production");
    expect(production?.services.map((s) => s.name)).toContain("my-api");
    expect(JSON.stringify(body)).toContain(`"sha":"${await prodShaOf("production", "my-api", "my-api")}"`);
  });

  test("service, image list and findings answer 200, and their errors 400 and 404", async ({ request }) => {
    expect((await request.get("/api/v1/services/sandbox/production/my-api")).status()).toBe(200);
    const images = await request.get("/api/v1/repositories/sandbox/my-api/images?prod=1&pageSize=5");
    expect(images.status()).toBe(200);
    const list = (await images.json()) as { images: Array<{ digest: string }> };
    const digest = list.images[0]?.digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await request.get(`/api/v1/repositories/sandbox/my-api/images/${digest}/findings`)).status()).toBe(200);

    const notFound = await request.get("/api/v1/services/nowhere/production/my-api");
    expect(notFound.status()).toBe(404);
    expect(((await notFound.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const bad = await request.get("/api/v1/repositories/sandbox/my-api/images?severity=FOO");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/severity/);
  });

  test("a deployer token plans, starts and reads back a rollback, which the server follows", async ({ request }) => {
    const base = "/api/v1/services/sandbox/staging/worker";
    const plan = await request.get(`${base}/plan?suggested=1`, { headers: bearer(TOKENS.viewer.token) });
    expect(plan.status()).toBe(200);
    const { current } = (await plan.json()) as { current: { taskDefinitionArn: string } };

    const body = { action: "rollback", target: { suggested: true }, reason: "e2e: roll staging worker back", expectedTaskDefinition: current.taskDefinitionArn };
    const headers = { ...bearer(TOKENS.deployer.token), "idempotency-key": `e2e-api-${Date.now()}` };
    const started = await request.post(`${base}/operations`, { headers, data: body });
    expect(started.status()).toBe(202);
    const { operation } = (await started.json()) as { operation: { id: string; actor: { name: string } } };
    expect(operation.actor.name).toBe(TOKENS.deployer.name);
    expect((await request.post(`${base}/operations`, { headers, data: body })).status()).toBe(200);
    expect((await request.post(`${base}/operations`, { headers: bearer(TOKENS.viewer.token), data: body })).status()).toBe(403);

    // The server's follower has looked at the deployment: progress is filled in without any browser.
    await expect
      .poll(async () => {
        const read = await request.get(`/api/v1/operations/${operation.id}`, { headers: bearer(TOKENS.viewer.token) });
        return ((await read.json()) as { progress: unknown; ecs: { deploymentId: string } }).progress !== null;
      })
      .toBe(true);
    const list = await request.get(`/api/v1/operations?cluster=staging&service=worker&actor=${TOKENS.deployer.name}`, { headers: bearer(TOKENS.viewer.token) });
    expect(((await list.json()) as { operations: Array<{ id: string }> }).operations.map((o) => o.id)).toContain(operation.id);
    expect((await request.get("/api/v1/operations/not-an-id", { headers: bearer(TOKENS.viewer.token) })).status()).toBe(404);
  });
});
