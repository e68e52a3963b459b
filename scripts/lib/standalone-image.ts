// The container image without a Docker engine: read the Dockerfile's runtime stage and carry out its
// `COPY --from=build` lines against a local build, into an empty folder. The image test and the bench
// run `node server.js` there, so they exercise exactly what the image would hold, and an edit to the
// Dockerfile changes what they run.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface DockerfileRuntime {
  /** `COPY --from=build <from> <to>` of the runtime stage, in order, paths as written. */
  copies: Array<{ from: string; to: string }>;
  workdir: string;
  /** The runtime stage's `ENV` settings, which the image's process starts with. */
  env: Record<string, string>;
  cmd: string[];
  buildCommand: string;
}

const BUILD_WORKDIR = "/app";

/** Reads the parts of the Dockerfile the local stand-in needs; throws naming what it cannot follow. */
export function readDockerfile(file = "Dockerfile"): DockerfileRuntime {
  // Join continuation lines so every instruction is one line.
  const lines = readFileSync(file, "utf8").replace(/\\\n/g, " ").split("\n").map((line) => line.trim());
  const stages = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (from?.[1]) stages.set(from[1], (current = []));
    else if (line && !line.startsWith("#") && current) current.push(line);
  }
  const build = stages.get("build");
  const runtime = stages.get("runtime");
  if (!build || !runtime) throw new Error(`${file}: needs stages named "build" and "runtime"`);
  const buildCommand = build.find((line) => line.startsWith("RUN "))?.slice(4).trim() ?? "";
  const workdir = runtime.find((line) => line.startsWith("WORKDIR "))?.slice(8).trim() ?? "/";
  const cmdLine = runtime.find((line) => line.startsWith("CMD "));
  const cmd = cmdLine ? (JSON.parse(cmdLine.slice(4)) as string[]) : [];
  const env = Object.fromEntries(runtime.filter((line) => line.startsWith("ENV ")).flatMap((line) => envPairs(file, line)));
  const copies = runtime
    .filter((line) => line.startsWith("COPY "))
    .map((line) => {
      const words = line.split(/\s+/).slice(1);
      if (!words.includes("--from=build")) throw new Error(`${file}: the runtime stage copies from outside the build stage: ${line}`);
      const [from, to, ...rest] = words.filter((word) => !word.startsWith("--"));
      if (!from || !to || rest.length > 0) throw new Error(`${file}: expected COPY --from=build <from> <to>: ${line}`);
      return { from, to };
    });
  return { copies, workdir, env, cmd, buildCommand };
}

/** `ENV A=1 B=two` → [["A", "1"], ["B", "two"]]; quoting and the old `ENV A 1` form are refused by name. */
function envPairs(file: string, line: string): Array<[string, string]> {
  return line
    .slice(4)
    .trim()
    .split(/\s+/)
    .map((word) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=([^"'$\s]*)$/.exec(word);
      if (!match) throw new Error(`${file}: expected ENV NAME=value pairs without quotes or variables: ${line}`);
      return [match[1]!, match[2]!];
    });
}

/**
 * Copies what the runtime stage copies out of the build at `projectDir` (built into `distDir`, which
 * stands in for `.next`) into `targetDir`, which must be empty or absent. Returns the bundle's size in bytes.
 */
export function assembleImage(projectDir: string, distDir: string, targetDir: string, dockerfile = readDockerfile(path.join(projectDir, "Dockerfile"))): number {
  const rename = (p: string) => p.replace(/(^|\/)\.next(\/|$)/, `$1${distDir}$2`);
  mkdirSync(targetDir, { recursive: true });
  for (const { from, to } of dockerfile.copies) {
    if (!from.startsWith(`${BUILD_WORKDIR}/`)) throw new Error(`Dockerfile: COPY source ${from} is outside ${BUILD_WORKDIR}`);
    const source = path.join(projectDir, rename(from.slice(BUILD_WORKDIR.length + 1)));
    if (!existsSync(source)) throw new Error(`Dockerfile copies ${from}, but the build has no ${source}: build first (npx next build)`);
    cpSync(source, path.join(targetDir, rename(to)), { recursive: true, dereference: true });
  }
  return folderBytes(targetDir);
}

function folderBytes(dir: string): number {
  let total = 0;
  const walk = (p: string) => {
    const stat = statSync(p);
    if (stat.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
    else total += stat.size;
  };
  walk(dir);
  return total;
}
