// `npm run test:e2e`: make sure chromium is there, build the app, pick free ports, run Playwright, then
// the suites that run the same build as production does (tests/built: the standalone bundle, replicas).
import { execFileSync } from "node:child_process";
import { freePort } from "./lib/ports";

async function main(): Promise<void> {
  execFileSync("npx", ["tsx", "scripts/ensure-chromium.ts"], { stdio: "inherit" });
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const env = {
    ...process.env,
    E2E_SANDBOX_PORT: String(await freePort()),
    E2E_APP_PORT: String(await freePort()),
    E2E_OIDC_PORT: String(await freePort()),
    E2E_RECEIVER_PORT: String(await freePort()),
  };
  execFileSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
  if (process.argv.length <= 2) execFileSync("npx", ["vitest", "run", "--project", "built"], { stdio: "inherit", env });
}

main().catch((error: unknown) => {
  // execFileSync already printed the child's output; only the exit status matters here.
  const status = (error as { status?: number }).status;
  if (status === undefined) console.error(error);
  process.exit(status ?? 1);
});
