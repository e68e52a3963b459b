// `npm run demo`: the whole product on one machine with no AWS account. Starts the sandbox (ECS + ECR
// emulator seeded with the demo scenario) and the dashboard pointed at it through the standard AWS SDK
// endpoint variables. One Ctrl-C stops both.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { isPortFree, waitForHttp } from "./lib/ports";
import { startChild, stopAllOnSignals } from "./lib/processes";

const APP_PORT = 3000;
// The sandbox starts fresh on every run, so the demo's operations and audit trail do too: a store kept
// from an earlier run would hold operations and locks for deployments this sandbox never saw.
const DEMO_DATABASE = ".data/demo.db";
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4566);

async function main(): Promise<void> {
  for (const [what, port] of [["dashboard", APP_PORT], ["sandbox", SANDBOX_PORT]] as const) {
    if (!(await isPortFree(port))) {
      console.error(`Port ${port} (${what}) is already in use. Stop whatever listens there (\`ss -ltnp 'sport = :${port}'\` shows it)` +
        (what === "sandbox" ? " or set SANDBOX_PORT to another port." : "."));
      process.exit(1);
    }
  }

  const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  const env = {
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
    NEXTAUTH_URL: `http://localhost:${APP_PORT}`,
    DATABASE_URL: process.env.DATABASE_URL ?? `file:${DEMO_DATABASE}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // We pin the SDK on Node 20 knowingly (docs/contributing.md); the demo need not repeat the notice.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };

  if (process.env.DATABASE_URL === undefined) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${DEMO_DATABASE}${suffix}`, { force: true });
  }

  console.log("Building the dashboard (about a minute on a laptop)…");
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env });

  stopAllOnSignals();
  startChild("sandbox", "npx", ["tsx", "sandbox/main.ts"], {
    env: { ...env, SANDBOX_PORT: String(SANDBOX_PORT), SANDBOX_TIME_SCALE: process.env.SANDBOX_TIME_SCALE ?? "2" },
  });
  await waitForHttp(`${sandboxUrl}/_sandbox/clock`, 30_000);
  startChild("dashboard", "npm", ["start"], { env: { ...env, PORT: String(APP_PORT) } });
  await waitForHttp(`http://127.0.0.1:${APP_PORT}/api/health`, 60_000);
  console.log(`\nSteady State is running: http://localhost:${APP_PORT}  (sign in as a demo viewer, deployer or admin; sandbox at ${sandboxUrl}; Ctrl-C stops both)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
