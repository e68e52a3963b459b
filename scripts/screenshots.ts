// `npm run screenshots`: the README's screenshots (docs/screenshots/), taken from the demo exactly as
// `npm run demo` runs it, but on free ports, with its own build folder and a throw-away store, so it never
// collides with a demo or a build already running. The sandbox's clock is frozen before the dashboard
// first reads it, so every run shows the same state. Any failure prints one message, stops the sandbox
// and the dashboard, and exits non-zero, leaving the committed screenshots as they were.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildDashboard, demoEnv, startDemo } from "./lib/demo-launcher";
import { freePort } from "./lib/ports";
import { stopAll, stopAllOnSignals } from "./lib/processes";
import { launchChromium, openSession, ShotError } from "./lib/screenshot-browser";
import { takeAllShots } from "./lib/screenshot-scenes";
import { freezeClock } from "./lib/screenshot-sandbox";
import { allShotFiles, SCREENSHOTS_DIR, VARIANTS } from "./lib/screenshot-shots";

const DIST_DIR = ".next-screenshots";
// A PNG bigger than this makes the README slow to load; something on the page changed (or broke).
const MAX_PNG_BYTES = 400 * 1024;
const USAGE = "usage: npm run screenshots [-- --no-build]   (--no-build reuses the last screenshots build in .next-screenshots/)";

function parseArgs(args: string[]): { build: boolean } {
  const unknown = args.filter((arg) => arg !== "--no-build");
  if (unknown.length > 0) throw new ShotError(`unknown argument ${unknown.join(" ")}\n${USAGE}`);
  const build = !args.includes("--no-build");
  if (!build && !existsSync(path.join(DIST_DIR, "BUILD_ID"))) throw new ShotError(`--no-build: there is no build in ${DIST_DIR}/ yet; run without it once`);
  return { build };
}

/** Moves the new shots into docs/screenshots/ and removes shots of names the script no longer takes. */
function publish(staged: string[]): void {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const names = new Set(allShotFiles().map((file) => path.basename(file)));
  for (const name of readdirSync(SCREENSHOTS_DIR)) if (name.endsWith(".png") && !names.has(name)) rmSync(path.join(SCREENSHOTS_DIR, name));
  for (const file of staged) renameSync(file, path.join(SCREENSHOTS_DIR, path.basename(file)));
}

function checkSizes(staged: string[]): void {
  let total = 0;
  for (const file of staged) {
    const bytes = statSync(file).size;
    total += bytes;
    console.log(`  ${path.basename(file).padEnd(36)} ${(bytes / 1024).toFixed(0).padStart(5)} KB`);
    if (bytes > MAX_PNG_BYTES) throw new ShotError(`${path.basename(file)} is ${(bytes / 1024).toFixed(0)} KB, over the ${MAX_PNG_BYTES / 1024} KB a README image may take`);
  }
  console.log(`  ${"total".padEnd(36)} ${(total / 1024).toFixed(0).padStart(5)} KB`);
}

async function main(): Promise<void> {
  const { build } = parseArgs(process.argv.slice(2));
  const scratch = mkdtempSync(path.join(tmpdir(), "steadystate-screenshots-"));
  process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
  const options = {
    appPort: await freePort(),
    sandboxPort: await freePort(),
    databaseUrl: `file:${path.join(scratch, "store.db")}`,
    timeScale: "2",
    distDir: DIST_DIR,
  };
  const env = demoEnv(options);
  if (build) {
    console.log(`Building the dashboard into ${DIST_DIR}/ …`);
    try {
      buildDashboard(env);
    } catch {
      throw new ShotError("the build failed (its output is above)");
    }
  }

  // Interrupted, the shots are not done: exit non-zero, and leave docs/screenshots/ as it was.
  stopAllOnSignals(1);
  const { appUrl, sandboxUrl } = await startDemo(options, env, freezeClock);
  const browser = await launchChromium();
  try {
    const sessions = [];
    for (const variant of VARIANTS) sessions.push(await openSession(browser, appUrl, variant));
    const staged = await takeAllShots(sessions, sandboxUrl, path.join(scratch, "shots"));
    console.log(`\nScreenshots (${staged.length}):`);
    checkSizes(staged);
    publish(staged);
    console.log(`Written to ${SCREENSHOTS_DIR}/.`);
  } finally {
    await browser.close();
  }
}

main().then(
  () => stopAll(0),
  (error: unknown) => {
    console.error(`\nnpm run screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
    stopAll(1);
  },
);
