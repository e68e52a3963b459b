// The processes a benchmark runs against: the sandbox (with injected latency) and `next start`.
// Both are real child processes on loopback, as in production; memory is read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, waitForHttp } from "../../scripts/lib/ports";
import { SandboxControl } from "../../tests/support/sandbox-control";
import { benchAuthEnv } from "./bench-auth";
import { benchAwsEnv } from "./sandbox-env";

// The SDK's Node 20 end-of-support notice is known (we pin Node 20 knowingly); keep the report readable.
const QUIET = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

/** The dashboard's default heap cap (`npm start`): V8 otherwise lets the heap grow lazily far past what is live. */
const HEAP_MB = 256;

export interface Running {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
}

export async function startSandboxProcess(): Promise<Running & { control: SandboxControl }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    env: { ...process.env, ...QUIET, SANDBOX_PORT: String(port), SANDBOX_SCENARIO: "empty", SANDBOX_TIME_SCALE: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/_sandbox/clock`, 30_000);
  return { url, process: child, stop: stopper(child), control: new SandboxControl(url) };
}

export async function startApp(sandboxUrl: string, extraEnv: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Exactly what `npm start` runs (package.json), heap cap included: that is what is measured.
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      ...QUIET,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // As `npm start` sets it: the server's own SIGTERM handler hands its follower leases over.
      NEXT_MANUAL_SIG_HANDLE: "true",
      ...benchAwsEnv(sandboxUrl),
      ...benchAuthEnv(url),
      // A fresh operations store per server: operations left in the worktree's .data/ (by the demo or
      // e2e) would be resumed by the follower and add its AWS calls to what the bench counts.
      DATABASE_URL: `file:${path.join(mkdtempSync(path.join(tmpdir(), "steadystate-bench-store-")), "store.db")}`,
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // Any answer will do, and a static file costs no AWS call, so the caches stay cold.
  await waitForHttp(`${url}/favicon.ico`, 60_000);
  return { url, process: child, stop: stopper(child) };
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(pid: number): number {
  let total = 0;
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      childrenOf.set(ppid, [...(childrenOf.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop() as number;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb / 1024;
    } catch {
      // gone
    }
    queue.push(...(childrenOf.get(current) ?? []));
  }
  return total;
}
