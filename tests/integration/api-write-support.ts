// Set-up for the write API's integration tests: the demo sandbox, a configuration file with API tokens
// of each role (so actors are recorded by token name), and the server's store (getStore(), as the routes
// use it) on a temp SQLite file named by DATABASE_URL before the first getStore() call.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "@/lib/domain/roles";
import { getConfig } from "@/lib/config";
import type { TestSandbox } from "../support/sandbox";
import { useAppSandbox } from "./support";

export const TOKENS: Record<Role, { name: string; token: string }> = {
  viewer: { name: "status-bot", token: "sst_api-viewer-token-0123456789abcdef" },
  deployer: { name: "release-bot", token: "sst_api-deployer-token-0123456789abcdef" },
  admin: { name: "incident-bot", token: "sst_api-admin-token-0123456789abcdef" },
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The demo sandbox, the token configuration and a temp store; call once at the top of a test file.
 * `extra` adds top-level configuration sections, read when the file is written (after earlier beforeAlls).
 */
export function setUpWriteApi(extra: () => Record<string, unknown> = () => ({})): TestSandbox {
  const sandbox = useAppSandbox({ scenario: "demo" });
  const dir = mkdtempSync(path.join(tmpdir(), "steady-api-"));
  beforeAll(() => {
    const file = path.join(dir, "config.json");
    writeFileSync(
      file,
      JSON.stringify({
        environments: [{ id: "sandbox", name: "Sandbox", region: "ap-south-1", accountId: "123456789012", clusters: "all" }],
        auth: { tokens: Object.entries(TOKENS).map(([role, t]) => ({ name: t.name, role, sha256: sha256(t.token) })) },
        ...extra(),
      }),
    );
    process.env.DATABASE_URL = `file:${path.join(dir, "store.db")}`;
    // getConfig() memoises the first load, so the file is read now and the variable can go again.
    process.env.STEADYSTATE_CONFIG = file;
    getConfig();
    delete process.env.STEADYSTATE_CONFIG;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return sandbox;
}

type Handler<P> = (request: Request, context: { params?: Promise<P> }) => Promise<Response>;

export interface Call<P> {
  params?: P;
  role?: Role;
  method?: "GET" | "POST";
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls a route handler as Next would, with a bearer token of `role` (default deployer) and a JSON body. */
export async function call<P extends Record<string, string>>(handler: Handler<P>, opts: Call<P> = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${TOKENS[opts.role ?? "deployer"].token}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const init: RequestInit = { method: opts.method ?? (opts.body === undefined ? "GET" : "POST"), headers: { ...headers, ...opts.headers } };
  if (opts.body !== undefined) init.body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  const response = await handler(new Request(`http://localhost/api/v1/x${opts.query ?? ""}`, init), { params: Promise.resolve((opts.params ?? {}) as P) });
  // Response bodies are asserted with toMatchObject; typing every shape here would only repeat lib/deploy's types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

let keys = 0;
/** A fresh Idempotency-Key header. */
export const freshKey = () => ({ "idempotency-key": `api-test-${process.pid}-${Date.now()}-${++keys}` });
