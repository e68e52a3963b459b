// `npm run demo`: the whole product on one machine with no AWS account. Starts the sandbox (ECS + ECR
// emulator seeded with the demo scenario) and the dashboard pointed at it through the standard AWS SDK
// endpoint variables (scripts/lib/demo-launcher.ts). One Ctrl-C stops both.
import { buildDashboard, demoEnv, removeSqliteStore, startDemo } from "./lib/demo-launcher";
import { isPortFree } from "./lib/ports";
import { stopAllOnSignals } from "./lib/processes";

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

  const options = {
    appPort: APP_PORT,
    sandboxPort: SANDBOX_PORT,
    databaseUrl: process.env.DATABASE_URL ?? `file:${DEMO_DATABASE}`,
    timeScale: process.env.SANDBOX_TIME_SCALE ?? "2",
  };
  const env = demoEnv(options);
  if (process.env.DATABASE_URL === undefined) removeSqliteStore(DEMO_DATABASE);

  console.log("Building the dashboard (about a minute on a laptop)…");
  buildDashboard(env);

  stopAllOnSignals();
  const { sandboxUrl } = await startDemo(options, env);
  console.log(`\nSteady State is running: http://localhost:${APP_PORT}  (sign in as a demo viewer, deployer or admin; sandbox at ${sandboxUrl}; Ctrl-C stops both)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
