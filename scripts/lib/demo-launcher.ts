// The demo as `npm run demo` runs it, for every launcher that needs it: the sandbox seeded with the demo
// scenario and the production build of the dashboard pointed at it through the standard AWS SDK endpoint
// variables. The demo itself uses ports PORT (3000) and 4566; `npm run screenshots` uses free ones and its
// own build folder, so it never collides with a demo (or a build) already running.
import { execFileSync, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { newToken } from "../../lib/auth/tokens";
import type { ApiTokenConfig } from "../../lib/config/types";
import { demoConfigWithTokens, parseTokenSpec } from "../../lib/config/token-request";
import { waitForHttp } from "./ports";
import { startChild } from "./processes";

export interface DemoOptions {
  appPort: number;
  sandboxPort: number;
  /** The store (`file:` SQLite or `postgres://`). */
  databaseUrl: string;
  /** Sandbox seconds per wall second. */
  timeScale: string;
  /** STEADYSTATE_DIST_DIR for the build and the server; unset means next.config.ts's default (.next). */
  distDir?: string;
  /** Where the sandbox's and the dashboard's output goes (default: this terminal). */
  stdio?: StdioOptions;
  /** API tokens to configure (demoTokens): the dashboard then gets the demo configuration with them. */
  tokens?: readonly ApiTokenConfig[];
}

/** The dashboard's port from PORT (default 3000); an Error naming PORT when it is not a port number. */
export function demoPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port < 1 || port > 65_535) throw new Error(`PORT must be a port number (1-65535), not ${JSON.stringify(raw)}`);
  return port;
}

/** One new token per `--token NAME:ROLE`, each with its configuration entry (only the SHA-256). */
export function demoTokens(specs: readonly string[]): { token: string; entry: ApiTokenConfig }[] {
  if (specs.length > 0 && (process.env.STEADYSTATE_CONFIG || process.env.STEADYSTATE_CONFIG_JSON)) {
    throw new Error("--token adds tokens to the built-in demo configuration; with STEADYSTATE_CONFIG(_JSON) set, add the entry `npm run token:new` prints to its auth.tokens instead");
  }
  const names = new Set<string>();
  return specs.map((spec) => {
    const { name, role } = parseTokenSpec(spec);
    if (names.has(name)) throw new Error(`--token ${JSON.stringify(spec)}: the name ${name} is given twice`);
    names.add(name);
    return newToken(name, role);
  });
}

export interface RunningDemo {
  appUrl: string;
  sandboxUrl: string;
}

export function demoEnv(options: DemoOptions): NodeJS.ProcessEnv {
  const sandboxUrl = `http://127.0.0.1:${options.sandboxPort}`;
  return {
    ...process.env,
    // Standard AWS SDK configuration: nothing in the app knows this is a sandbox.
    AWS_REGION: "ap-south-1",
    AWS_ENDPOINT_URL_ECS: sandboxUrl,
    AWS_ENDPOINT_URL_ECR: sandboxUrl,
    AWS_ACCESS_KEY_ID: "AKIASANDBOXDEMO00001",
    AWS_SECRET_ACCESS_KEY: "sandbox-demo-not-a-secret",
    // Generated per run: the demo never uses a real secret. The built-in configuration enables the
    // one-click demo users, which start-up allows only because the endpoints above are loopback.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://localhost:${options.appPort}`,
    DATABASE_URL: options.databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    // We pin the SDK on Node 20 knowingly (docs/contributing.md); the demo need not repeat the notice.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(options.distDir !== undefined && { STEADYSTATE_DIST_DIR: options.distDir }),
    // The built-in configuration has no tokens; with some, the dashboard gets it as JSON with them added.
    ...(options.tokens?.length && { STEADYSTATE_CONFIG_JSON: JSON.stringify(demoConfigWithTokens(process.env, options.tokens)) }),
  };
}

/** Removes a SQLite store and its WAL files: the sandbox starts fresh, so the demo's operations must too. */
export function removeSqliteStore(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

export function buildDashboard(env: NodeJS.ProcessEnv): void {
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env });
}

/**
 * Starts the sandbox, then the dashboard, as children of this process (processes.ts stops both on
 * Ctrl-C or when either exits), and resolves once both answer. `beforeDashboard` runs against the
 * ready sandbox before the dashboard first reads it (e.g. to freeze the sandbox's clock).
 */
export async function startDemo(
  options: DemoOptions,
  env: NodeJS.ProcessEnv,
  beforeDashboard?: (sandboxUrl: string) => Promise<void>,
): Promise<RunningDemo> {
  const sandboxUrl = `http://127.0.0.1:${options.sandboxPort}`;
  const stdio = options.stdio ?? "inherit";
  startChild("sandbox", "npx", ["tsx", "sandbox/main.ts"], {
    stdio,
    env: { ...env, SANDBOX_PORT: String(options.sandboxPort), SANDBOX_TIME_SCALE: options.timeScale },
  });
  await waitForHttp(`${sandboxUrl}/_sandbox/clock`, 30_000);
  await beforeDashboard?.(sandboxUrl);
  startChild("dashboard", "npm", ["start"], { stdio, env: { ...env, PORT: String(options.appPort) } });
  await waitForHttp(`http://127.0.0.1:${options.appPort}/api/health`, 60_000);
  return { appUrl: `http://localhost:${options.appPort}`, sandboxUrl };
}
