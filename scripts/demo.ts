// `npm run demo`: the whole product on one machine with no AWS account. Starts the sandbox (ECS + ECR
// emulator seeded with the demo scenario) and the dashboard pointed at it through the standard AWS SDK
// endpoint variables (scripts/lib/demo-launcher.ts). One Ctrl-C stops both. The dashboard listens on
// PORT (default 3000); `--token NAME:ROLE` (repeatable) makes API tokens for scripts, prints each once and
// hands the dashboard the demo configuration with them.
import { parseArgs } from "node:util";
import { buildDashboard, demoEnv, demoPort, demoTokens, removeSqliteStore, startDemo } from "./lib/demo-launcher";
import { isPortFree } from "./lib/ports";
import { stopAllOnSignals } from "./lib/processes";

// The sandbox starts fresh on every run, so the demo's operations and audit trail do too: a store kept
// from an earlier run would hold operations and locks for deployments this sandbox never saw.
const DEMO_DATABASE = ".data/demo.db";
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4566);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { token: { type: "string", multiple: true } }, strict: true });
  const appPort = demoPort(process.env.PORT);
  const tokens = demoTokens(values.token ?? []);
  for (const [what, port] of [["dashboard", appPort], ["sandbox", SANDBOX_PORT]] as const) {
    if (!(await isPortFree(port))) {
      console.error(`Port ${port} (${what}) is already in use. Stop whatever listens there (\`ss -ltnp 'sport = :${port}'\` shows it)` +
        (what === "sandbox" ? " or set SANDBOX_PORT to another port." : " or set PORT to another port."));
      process.exit(1);
    }
  }

  const options = {
    appPort: appPort,
    sandboxPort: SANDBOX_PORT,
    databaseUrl: process.env.DATABASE_URL ?? `file:${DEMO_DATABASE}`,
    timeScale: process.env.SANDBOX_TIME_SCALE ?? "2",
  };
  const env = demoEnv({ ...options, tokens: tokens.map((t) => t.entry) });
  if (process.env.DATABASE_URL === undefined) removeSqliteStore(DEMO_DATABASE);

  console.log("Building the dashboard (about a minute on a laptop)…");
  buildDashboard(env);

  stopAllOnSignals();
  const { sandboxUrl } = await startDemo(options, env);
  console.log(`\nSteady State is running: http://localhost:${appPort}  (sign in as a demo viewer, deployer or admin; sandbox at ${sandboxUrl}; Ctrl-C stops both)`);
  for (const { entry, token } of tokens) {
    console.log(`API token ${entry.name} (${entry.role}), valid while this demo runs:\n  curl -H 'Authorization: Bearer ${token}' http://localhost:${appPort}/api/v1/services`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
