// Demo users exist only when the configuration enables them: a server whose configuration does not
// refuses the demo provider's sign-in, and its sign-in page offers no demo buttons.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, waitForHttp } from "../../scripts/lib/ports";
import { e2eConfig, NEXTAUTH_SECRET } from "./support/auth-fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

let server: ChildProcess | undefined;
let baseURL = "";

test.beforeAll(async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "steadystate-demo-off-")), "config.json");
  writeFileSync(file, JSON.stringify(e2eConfig("http://127.0.0.1:1", { demoUsers: false })));
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      STEADYSTATE_CONFIG: file,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET,
      E2E_OIDC_CLIENT_SECRET: "unused",
      // Nothing here reads AWS; keep the start-up access check off the network.
      AWS_ENDPOINT_URL_ECS: "http://127.0.0.1:1",
      AWS_ENDPOINT_URL_ECR: "http://127.0.0.1:1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  await waitForHttp(`${baseURL}/api/health`, 60_000);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("the demo provider's sign-in is refused when demo users are off", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL });
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // next-auth answers with where to go next (an error page); what matters is that no session exists.
  await request.post("/api/auth/callback/demo", { form: { csrfToken: csrf.csrfToken, role: "admin", callbackUrl: "/", json: "true" } });
  const state = await request.storageState();
  expect(state.cookies.find((c) => c.name === "next-auth.session-token")).toBeUndefined();
  expect((await request.get("/api/v1/services")).status()).toBe(401);
  const signIn = await (await request.get("/signin")).text();
  expect(signIn).not.toContain("Demo admin");
  await request.dispose();
});
