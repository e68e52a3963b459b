// Child processes for the suites that run the production build: the sandbox and dashboard servers,
// each on a free port, stopped (and their process groups with them) when the suite ends.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort, waitForHttp } from "../../../scripts/lib/ports";

export interface Started {
  url: string;
  port: number;
  child: ChildProcess;
  /** What the process wrote to stderr and stdout so far, for assertions and failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

const QUIET = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", NEXT_TELEMETRY_DISABLED: "1" };

export interface ProcessOptions {
  port: number;
  /** Answering this path (any status) means the process is up. */
  readyPath: string;
  cwd?: string;
  env: Record<string, string | undefined>;
  timeoutMs?: number;
}

export async function startProcess(command: string, args: string[], options: ProcessOptions): Promise<Started> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    // Next's types make NODE_ENV required in ProcessEnv; a child's environment is whatever we give it.
    env: { ...QUIET, ...options.env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code: number | null) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async (signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    // The whole group: `npx tsx` and `next start` run the server in a child of their own.
    const kill = (s: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, s);
      } catch {
        // already gone
      }
    };
    kill(signal);
    const timer = setTimeout(() => kill("SIGKILL"), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  try {
    await Promise.race([
      waitForHttp(`${url}${options.readyPath}`, options.timeoutMs ?? 60_000),
      exited.then((code) => Promise.reject(new Error(`${command} ${args.join(" ")} exited (${code}) before answering:\n${output}`))),
    ]);
  } catch (error) {
    await stop("SIGKILL");
    throw error;
  }
  return { url, port: options.port, child, output: () => output, stop };
}

/** The sandbox, seeded with the demo scenario, on a free port. */
export async function startSandbox(timeScale = 1): Promise<Started> {
  const port = await freePort();
  return startProcess("npx", ["tsx", "sandbox/main.ts"], {
    port,
    readyPath: "/_sandbox/clock",
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_TIME_SCALE: String(timeScale), SANDBOX_SCENARIO: "demo" },
  });
}

/** The standard AWS SDK settings that point a dashboard at `sandboxUrl` (test-only credentials). */
export function sandboxAwsEnv(sandboxUrl: string): Record<string, string> {
  return {
    AWS_REGION: "ap-south-1",
    AWS_ENDPOINT_URL_ECS: sandboxUrl,
    AWS_ENDPOINT_URL_ECR: sandboxUrl,
    AWS_ACCESS_KEY_ID: "AKIASANDBOXBUILT0001",
    AWS_SECRET_ACCESS_KEY: "sandbox-built-not-a-secret",
  };
}

/** The build the suite runs (scripts/e2e.ts builds it; STEADYSTATE_DIST_DIR when not .next). */
export const DIST_DIR = process.env.STEADYSTATE_DIST_DIR ?? ".next";
