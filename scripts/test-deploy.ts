// `npm run test:deploy`: the CDK app in deploy/ is its own package (aws-cdk-lib is large and only the
// deploy guide needs it), so its dependencies are installed here, into deploy/node_modules, when they
// are missing or older than deploy/package-lock.json: a stamp holds the lock file's hash, so a warm run
// skips npm entirely. Then deploy/'s typecheck and its template tests run side by side.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const DEPLOY = path.join(ROOT, "deploy");
const STAMP = path.join(DEPLOY, "node_modules", ".steady-state-lock.sha256");

function run(label: string, command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`${label}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      console.log(`${label}: ${code === 0 ? "ok" : `failed (${signal ?? `exit ${code}`})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(code ?? 1);
    });
  });
}

async function ensureDependencies(): Promise<void> {
  const lockHash = createHash("sha256").update(readFileSync(path.join(DEPLOY, "package-lock.json"))).digest("hex");
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === lockHash) return;
  console.log("deploy/node_modules is missing or older than deploy/package-lock.json: npm ci in deploy/…");
  const code = await run("npm ci (deploy)", "npm", ["ci", "--prefix", "deploy", "--no-audit", "--no-fund"]);
  if (code !== 0) process.exit(code);
  writeFileSync(STAMP, `${lockHash}\n`);
}

async function main(): Promise<void> {
  await ensureDependencies();
  const bin = (dir: string, name: string) => path.join(dir, "node_modules", ".bin", name);
  const results = await Promise.all([
    run("typecheck (deploy)", bin(DEPLOY, "tsc"), ["--noEmit", "-p", DEPLOY]),
    // The project's vitest with deploy's config: the test files find aws-cdk-lib in deploy/node_modules.
    run("template tests (deploy)", bin(ROOT, "vitest"), ["run", "--config", path.join(DEPLOY, "vitest.config.mts")]),
  ]);
  process.exit(results.every((code) => code === 0) ? 0 : 1);
}

void main();
