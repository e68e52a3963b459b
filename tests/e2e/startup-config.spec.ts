// A bad configuration file stops the built server at start-up with a message naming the field
// (instrumentation.ts), rather than failing the first request someone makes during an incident.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/lib/ports";

async function startWithConfig(config: unknown, env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "steadystate-config-")), "config.json");
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(await freePort())], {
    env: { ...process.env, STEADYSTATE_CONFIG: file, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, stderr };
}

test("a configuration with a bad field stops start-up and names the field", async () => {
  const { code, stderr } = await startWithConfig({
    environments: [{ id: "prod", name: "Production", region: "mars-1", clusters: "all" }],
  });
  expect(code).toBe(1);
  expect(stderr).toContain("Steady State cannot start");
  expect(stderr).toContain("environments[0].region");
});

test("a configuration with an unknown key stops start-up and names the key", async () => {
  const { code, stderr } = await startWithConfig({
    environments: [{ id: "prod", name: "Production", region: "eu-west-1", clusters: "all" }],
    tagPatern: "^prod-(?<sha>[0-9a-f]{40})$",
  });
  expect(code).toBe(1);
  expect(stderr).toContain("tagPatern");
});

test("demo users with an AWS endpoint that is not loopback stop start-up and say why", async () => {
  const { code, stderr } = await startWithConfig(
    { environments: [{ id: "prod", name: "Production", region: "eu-west-1", clusters: "all" }], auth: { demoUsers: true } },
    { AWS_ENDPOINT_URL_ECS: "https://ecs.eu-west-1.amazonaws.com", AWS_ENDPOINT_URL_ECR: "http://127.0.0.1:4566" },
  );
  expect(code).toBe(1);
  expect(stderr).toContain("Steady State cannot start");
  expect(stderr).toContain("AWS_ENDPOINT_URL_ECS=https://ecs.eu-west-1.amazonaws.com is not a loopback address");
});

test("a missing NEXTAUTH_SECRET stops start-up and says how to make one", async () => {
  const { code, stderr } = await startWithConfig(
    { environments: [{ id: "prod", name: "Production", region: "eu-west-1", clusters: "all" }] },
    { NEXTAUTH_SECRET: "" },
  );
  expect(code).toBe(1);
  expect(stderr).toContain("NEXTAUTH_SECRET must be set");
});

const PROD_ONLY = { environments: [{ id: "prod", name: "Production", region: "eu-west-1", clusters: "all" }] };
const SECRET = { NEXTAUTH_SECRET: "startup-spec-only-secret-0123456789abcdef", NEXTAUTH_URL: "http://127.0.0.1:3000" };

test("a DATABASE_URL the store cannot use stops start-up, names the field and hides the password", async () => {
  const { code, stderr } = await startWithConfig(PROD_ONLY, { ...SECRET, DATABASE_URL: "mysql://app:hunter2@db.internal/steady" });
  expect(code).toBe(1);
  expect(stderr).toContain("Steady State cannot start: DATABASE_URL (mysql://app:***@db.internal/steady): unsupported scheme");
  expect(stderr).not.toContain("hunter2");
});

test("a database that does not answer at start-up stops start-up naming DATABASE_URL", async () => {
  const url = `postgres://postgres:s3cret@127.0.0.1:${await freePort()}/steady`;
  const { code, stderr } = await startWithConfig(PROD_ONLY, { ...SECRET, DATABASE_URL: url });
  expect(code).toBe(1);
  expect(stderr).toMatch(/Steady State cannot start: DATABASE_URL \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/steady\): the database does not answer after 4 tries: .*ECONNREFUSED/);
  expect(stderr).not.toContain("s3cret");
});

test("a LOG_LEVEL that is not a level stops start-up naming LOG_LEVEL and the levels", async () => {
  const { code, stderr } = await startWithConfig(PROD_ONLY, { ...SECRET, LOG_LEVEL: "verbose" });
  expect(code).toBe(1);
  expect(stderr).toContain('Steady State cannot start: LOG_LEVEL: "verbose" is not a log level; use one of fatal, error, warn, info, debug, trace, silent');
});

test("a METRICS_PORT that is not a port, or is taken, stops start-up naming METRICS_PORT", async () => {
  const bad = await startWithConfig(PROD_ONLY, { ...SECRET, METRICS_PORT: "metrics" });
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('Steady State cannot start: METRICS_PORT: "metrics" is not a TCP port');

  const taken = createServer();
  const port = await new Promise<number>((resolve) => taken.listen(0, () => resolve((taken.address() as { port: number }).port)));
  try {
    const database = `file:${path.join(mkdtempSync(path.join(tmpdir(), "steadystate-metrics-")), "store.db")}`;
    const inUse = await startWithConfig(PROD_ONLY, { ...SECRET, METRICS_PORT: String(port), DATABASE_URL: database });
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain(`Steady State cannot start: METRICS_PORT: cannot serve metrics on port ${port}: EADDRINUSE`);
  } finally {
    taken.close();
  }
});
