// Observability of the production build, on Postgres behind a TCP proxy the test controls: the readiness
// probe follows the database down, hung and back up in one process; the logs are JSON lines with the
// request id, actor and operation id and never carry a token, a session cookie or a secret; and the
// metrics, on their own port only, count a real rollback made through the API.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultConfigFile } from "@/lib/config/defaults";
import { newToken } from "@/lib/auth/tokens";
import { freePort } from "../../scripts/lib/ports";
import { postgresBackend } from "../store/backends";
import { sandboxAwsEnv, startProcess, startSandbox, type Started } from "./support/processes";
import { parseSamples, sampleValue } from "./support/prometheus";
import { signInAsDemo, type CookieJar } from "./support/session";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

const scratch = mkdtempSync(path.join(tmpdir(), "steadystate-obs-"));
const postgres = postgresBackend();
const deployerToken = newToken("obs-bot", "deployer");
const unknownToken = newToken("nobody", "admin").token;
const secret = randomBytes(32).toString("base64url");
let sandbox: Started;
let app: Started;
let db: TcpProxy;
let metricsPort: number;
let viewer: CookieJar;

type LogLine = Record<string, unknown> & { level?: string; msg?: string };

/** Every JSON line the server has written so far. */
function logLines(): LogLine[] {
  return app
    .output()
    .split("\n")
    .flatMap((line) => {
      if (!line.startsWith("{")) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}

async function scrape(): Promise<ReturnType<typeof parseSamples>> {
  const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  expect(response.status).toBe(200);
  return parseSamples(await response.text());
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, tries = 40): Promise<T> {
  let value = await read();
  for (let i = 1; i < tries && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  return value;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  sandbox = await startSandbox();
  const databaseUrl = new URL(await postgres.newDatabase());
  db = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
  databaseUrl.hostname = "127.0.0.1";
  databaseUrl.port = String(db.port);
  const configFile = path.join(scratch, "config.json");
  const config = defaultConfigFile({ AWS_REGION: "ap-south-1" });
  writeFileSync(configFile, JSON.stringify({ ...config, auth: { ...config.auth, tokens: [deployerToken.entry] } }));
  const port = await freePort();
  metricsPort = await freePort();
  app = await startProcess(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    port,
    readyPath: "/api/health",
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      STEADYSTATE_DIST_DIR: process.env.STEADYSTATE_DIST_DIR,
      STEADYSTATE_CONFIG: configFile,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: secret,
      DATABASE_URL: databaseUrl.toString(),
      LOG_LEVEL: "debug",
      METRICS_PORT: String(metricsPort),
      ...sandboxAwsEnv(sandbox.url),
    },
  });
  viewer = await signInAsDemo(app.url, "viewer");
});

afterAll(async () => {
  await app?.stop();
  await sandbox?.stop();
  await db?.close();
  await postgres.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe("logs and metrics of a rollback made through the API", () => {
  const requestId = `obs-test-${randomUUID()}`;
  let operationId: string;

  beforeAll(async () => {
    const base = `${app.url}/api/v1/services/sandbox/production/payments`;
    const plan = (await (await fetch(`${base}/plan?suggested=1`, { headers: bearer(deployerToken.token) })).json()) as { current: { taskDefinitionArn: string } };
    const started = await fetch(`${base}/operations`, {
      method: "POST",
      headers: { ...bearer(deployerToken.token), "Content-Type": "application/json", "Idempotency-Key": `obs-${randomUUID()}`, "X-Request-Id": requestId },
      body: JSON.stringify({ action: "rollback", target: { suggested: true }, reason: "observability test", expectedTaskDefinition: plan.current.taskDefinitionArn }),
    });
    expect(started.status).toBe(202);
    expect(started.headers.get("x-request-id")).toBe(requestId);
    operationId = ((await started.json()) as { operation: { id: string } }).operation.id;
  });

  test("the follower's lease shows in the gauge while it follows, and the outcome in the counters after", async () => {
    const following = await eventually(scrape, (s) => sampleValue(s, "steadystate_follower_leases_held") === 1);
    expect(sampleValue(following, "steadystate_follower_leases_held")).toBe(1);
    expect(sampleValue(following, "steadystate_aws_calls_total", { service: "ecs", operation: "UpdateService", error_code: "none" })).toBe(1);

    // The sandbox's clock runs at real time here (never advanced), so ECS's finish time and ours compare.
    const status = await eventually(
      async () => ((await (await fetch(`${app.url}/api/v1/operations/${operationId}`, { headers: bearer(deployerToken.token) })).json()) as { status: string }).status,
      (s) => s !== "running",
      // A one-task rollout takes about a minute of sandbox time; generous for a loaded machine.
      480,
    );
    expect(status).toBe("succeeded");

    const after = await eventually(scrape, (s) => sampleValue(s, "steadystate_follower_leases_held") === 0);
    expect(sampleValue(after, "steadystate_operations_total", { action: "rollback", outcome: "succeeded" })).toBe(1);
    expect(sampleValue(after, "steadystate_follower_leases_held")).toBe(0);
    expect(sampleValue(after, "steadystate_aws_calls_total", { service: "ecs", operation: "DescribeServiceDeployments", error_code: "none" })).toBeGreaterThan(0);
    expect(sampleValue(after, "steadystate_aws_call_duration_seconds_count", { service: "ecs", operation: "UpdateService" })).toBe(1);
    expect(sampleValue(after, "steadystate_operation_outcome_lag_seconds_count")).toBe(1);
    expect(sampleValue(after, "steadystate_operation_outcome_lag_seconds_sum")).toBeGreaterThanOrEqual(0);
    expect(sampleValue(after, "steadystate_cache_misses_total", { cache: "mutable" })).toBeGreaterThan(0);
    expect(sampleValue(after, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
  }, 300_000);

  test("the operation's log lines carry its id, its actor and (inside the request) the request id", () => {
    const mine = logLines().filter((line) => line.operationId === operationId);
    const started = mine.find((line) => line.msg === "operation started");
    expect(started).toMatchObject({ level: "info", actor: "obs-bot", action: "rollback", requestId, service: "sandbox/production/payments" });
    const update = mine.find((line) => (line.aws as { operation?: string } | undefined)?.operation === "UpdateService");
    expect(update).toMatchObject({ level: "debug", actor: "obs-bot", requestId, aws: { service: "ecs", operation: "UpdateService" } });
    expect((update!.aws as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(0);
    expect(mine.find((line) => line.msg === "operation finished")).toMatchObject({ actor: "obs-bot", action: "rollback", outcome: "succeeded" });
  });

  test("one access line per request: method, path without the query, status, duration and the request id it was answered with", () => {
    const access = logLines().filter((line) => line.msg === "request" && line.requestId === requestId);
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: "info", method: "POST", path: "/api/v1/services/sandbox/production/payments/operations", status: 202 });
    expect(typeof access[0]!.durationMs).toBe("number");
  });
});

describe("what the logs never hold", () => {
  test("a request without an id gets a fresh one, used in its access line; the query string is left out", async () => {
    const probe = randomUUID();
    const response = await fetch(`${app.url}/api/v1/services?probe=${probe}`, { headers: { Cookie: viewer.header(), "X-Request-Id": "forged id with spaces" } });
    expect(response.status).toBe(200);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await eventually(
      async () => logLines().find((l) => l.msg === "request" && l.requestId === id),
      (found) => found !== undefined,
    );
    expect(line).toMatchObject({ method: "GET", path: "/api/v1/services", status: 200 });
    expect(app.output()).not.toContain("forged id");
    expect(app.output()).not.toContain(probe);
  });

  test("tokens (accepted or refused), session cookies and NEXTAUTH_SECRET never reach the output", async () => {
    const refused = await fetch(`${app.url}/api/v1/services`, { headers: bearer(unknownToken) });
    expect(refused.status).toBe(401);
    expect((await fetch(`${app.url}/api/v1/services`, { headers: bearer(deployerToken.token) })).status).toBe(200);
    const refusedId = refused.headers.get("x-request-id");
    await eventually(async () => logLines().some((l) => l.requestId === refusedId), Boolean);
    const output = app.output();
    expect(output).toContain(refusedId);
    for (const leak of [deployerToken.token, unknownToken, secret, ...viewer.header().split("; ").map((pair) => pair.slice(pair.indexOf("=") + 1))]) {
      expect(output).not.toContain(leak);
    }
  });
});

describe("metrics live on METRICS_PORT only", () => {
  test("the dashboard's own port does not serve /metrics, even to a signed-in person", async () => {
    const response = await fetch(`${app.url}/metrics`, { headers: bearer(deployerToken.token) });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("steadystate_");
    expect((await fetch(`${app.url}/metrics`, { redirect: "manual" })).status).toBe(303);
  });
});

describe("GET /api/ready follows the database without a restart", () => {
  const ready = async () => {
    const response = await fetch(`${app.url}/api/ready`);
    return { status: response.status, cache: response.headers.get("cache-control"), body: (await response.json()) as { status: string; problems?: Array<{ check: string; message: string }> } };
  };

  test("200 while the database answers, 503 naming the store while it is hung or down, 200 once it is back", async () => {
    const pid = app.child.pid;
    expect(await ready()).toEqual({ status: 200, cache: "no-store", body: { status: "ready" } });

    await db.set("hung");
    const hung = await ready();
    expect(hung.status).toBe(503);
    expect(hung.body.problems).toEqual([{ check: "store", message: expect.stringMatching(/did not answer within \d+ ms/) }]);
    await db.set("up");
    expect((await eventually(ready, (r) => r.status === 200)).body).toEqual({ status: "ready" });

    await db.set("down");
    const down = await eventually(ready, (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: "not_ready", problems: [{ check: "store", message: expect.any(String) }] });
    // The pooled connections the database dropped are logged as such, not left to the process's uncaught-error path.
    const lost = await eventually(async () => logLines().filter((line) => line.msg === "store: a database connection was lost"), (lines) => lines.length > 0, 10);
    expect(lost[0]).toMatchObject({ level: "warn", err: { message: expect.any(String) } });
    await db.set("up");
    expect((await eventually(ready, (r) => r.status === 200)).status).toBe(200);

    expect(app.child.exitCode).toBeNull();
    expect(app.child.pid).toBe(pid);
  });
});
