// Child-process plumbing for the launchers: start children in their own process groups, and stop all
// of them on Ctrl-C or when any one exits, so one Ctrl-C never leaves a sandbox or server behind.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const children: ChildProcess[] = [];
let stopping = false;

export function startChild(name: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", detached: true, ...options });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`\n${name} exited (${signal ?? `code ${code}`}); stopping the rest.`);
    stopAll(code ?? 1);
  });
  return child;
}

export function stopAll(exitCode = 0): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  setTimeout(() => process.exit(exitCode), 1500).unref();
}

export function stopAllOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => stopAll(0));
  }
}
