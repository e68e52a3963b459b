// E2E against `next start` + the sandbox + a local OpenID Connect provider, in Debian's chromium.
// scripts/e2e.ts picks free ports and builds the app first; running `npx playwright test` directly
// falls back to fixed high ports. The app's configuration (demo users, the test IdP, role rules, a
// token) is written here from tests/e2e/support/auth-fixtures.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { e2eConfig, e2eNotifications, E2E_WEBHOOK_SECRET, NEXTAUTH_SECRET, OIDC_CLIENT } from "./tests/e2e/support/auth-fixtures";
import { VIEWER_STATE } from "./tests/e2e/support/global-setup";

const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 45661);
const appPort = Number(process.env.E2E_APP_PORT ?? 30301);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 45662);
// The notification receiver tests/e2e/notifications.spec.ts listens on; the app's targets point at it.
const receiverPort = Number(process.env.E2E_RECEIVER_PORT ?? 45663);
process.env.E2E_RECEIVER_PORT = String(receiverPort);
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const appUrl = `http://127.0.0.1:${appPort}`;
const issuer = `http://127.0.0.1:${oidcPort}`;

const configDir = path.join(tmpdir(), "steadystate-e2e");
mkdirSync(configDir, { recursive: true });
const configFile = path.join(configDir, `config-${appPort}.json`);
writeFileSync(configFile, JSON.stringify({ ...e2eConfig(issuer, { demoUsers: true }), notifications: e2eNotifications(receiverPort) }));
// A fresh operations store per run: the sandbox starts from the demo scenario every time, so operations
// (and service locks) left running by an earlier run, in the worktree's .data/, must not be resumed.
const storeFile = path.join(configDir, `store-${appPort}-${process.pid}-${Date.now()}.db`);

// The SDK's Node 20 end-of-support notice is known (we pin Node 20 knowingly); keep test logs readable.
const QUIET = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e/support/global-setup.ts",
  use: {
    baseURL: appUrl,
    storageState: VIEWER_STATE,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "npx tsx sandbox/main.ts",
      url: `${sandboxUrl}/_sandbox/clock`,
      env: { SANDBOX_PORT: String(sandboxPort), SANDBOX_TIME_SCALE: "1", SANDBOX_SCENARIO: "demo", ...QUIET },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npx tsx tests/e2e/support/oidc-server.ts",
      url: `${issuer}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(oidcPort), OIDC_REDIRECT_URI: `${appUrl}/api/auth/callback/oidc`, ...QUIET },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx next start -p ${appPort}`,
      url: `${appUrl}/api/health`,
      env: {
        STEADYSTATE_CONFIG: configFile,
        NEXTAUTH_URL: appUrl,
        NEXTAUTH_SECRET,
        DATABASE_URL: `file:${storeFile}`,
        E2E_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
        E2E_WEBHOOK_SECRET,
        AWS_REGION: "ap-south-1",
        AWS_ENDPOINT_URL_ECS: sandboxUrl,
        AWS_ENDPOINT_URL_ECR: sandboxUrl,
        AWS_ACCESS_KEY_ID: "AKIASANDBOXE2E000001",
        AWS_SECRET_ACCESS_KEY: "sandbox-e2e-not-a-secret",
        NEXT_TELEMETRY_DISABLED: "1",
        ...QUIET,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
