// A scratch copy of the repo where better-sqlite3 is the build for the LTS Node, so the suites can run on
// that Node while the repo keeps its Node 20 build. Why a copy and not swapping build/Release in place:
// other suites (and other people's runs in the same working tree) load the repo's addon at the same time,
// and a killed run would leave the repo on the wrong ABI; a copy is never seen by them and needs no restore.
// Sources (git's tracked and untracked, not ignored files) are copied for real; node_modules is hard-linked
// (about 1 s for 30k files) and only better-sqlite3/build is replaced, by unlinking, never writing in place.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const RUN_PREFIX = "run-";

/** Run folders of earlier runs whose process is gone (killed before its finally ran). */
function removeAbandonedRuns(root: string): void {
  for (const name of readdirSync(root)) {
    const pid = Number(name.slice(RUN_PREFIX.length).split("-")[0]);
    if (!name.startsWith(RUN_PREFIX) || !Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function copySources(repo: string, tree: string): number {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo, encoding: "utf8" });
  let count = 0;
  for (const file of listed.split("\0")) {
    // Tracked but deleted in the working tree: the copy mirrors the working tree, not the index.
    if (!file || !existsSync(path.join(repo, file))) continue;
    mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    copyFileSync(path.join(repo, file), path.join(tree, file));
    count += 1;
  }
  return count;
}

function linkNodeModules(repo: string, tree: string): void {
  const from = path.join(repo, "node_modules");
  const to = path.join(tree, "node_modules");
  try {
    execFileSync("cp", ["-al", from, to], { stdio: "pipe" });
  } catch {
    // Cache on another filesystem than the repo: hard links are impossible, a full copy still works.
    rmSync(to, { recursive: true, force: true });
    console.log("node-lts: cannot hard-link node_modules (other filesystem?); copying it instead");
    execFileSync("cp", ["-a", from, to], { stdio: "inherit" });
  }
  // Caches written at run time (vitest's results) would otherwise be rewritten through the shared inode.
  for (const cache of [".vite", ".cache"]) rmSync(path.join(to, cache), { recursive: true, force: true });
}

export interface ScratchTree {
  dir: string;
  addon: string;
  remove(): void;
}

export function makeScratchTree(root: string, repo: string, addon: string): ScratchTree {
  removeAbandonedRuns(root);
  const dir = mkdtempSync(path.join(root, `${RUN_PREFIX}${process.pid}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const files = copySources(repo, dir);
    linkNodeModules(repo, dir);
    const build = path.join(dir, "node_modules", "better-sqlite3", "build");
    rmSync(build, { recursive: true, force: true });
    mkdirSync(path.join(build, "Release"), { recursive: true });
    const target = path.join(build, "Release", "better_sqlite3.node");
    linkOrCopy(addon, target);
    console.log(`node-lts: scratch tree ${dir} (${files} source files, node_modules hard-linked, better-sqlite3 build replaced)`);
    return { dir, addon: target, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
