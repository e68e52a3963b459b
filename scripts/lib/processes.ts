// Child-process plumbing for the launchers: start children in their own process groups, and stop all
// of them on Ctrl-C, when any one exits, or when the launcher is done, so nothing is ever left behind.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

// `next start` hands its follower leases over on SIGTERM before it exits (a few seconds at most);
// a child still there after this long is killed.
const STOP_GRACE_MS = 12_000;

const children: ChildProcess[] = [];
let stopping = false;

export function startChild(name: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", detached: true, ...options });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`\n${name} exited (${signal ?? `code ${code}`}); stopping the rest.`);
    // Nobody asked it to stop, so even a clean exit is a failure of the launcher.
    stopAll(code || 1);
  });
  return child;
}

// Children run in their own process groups (detached), and a group outlives its leader: `npm start`
// may be gone while its `next start` still hands over. A group is stopped when no process is left in it.
const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to every child's process group, SIGKILL to groups still there after the grace time, then exit. */
export function stopAll(exitCode = 0): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  const groups = children.flatMap((child) => (child.pid !== undefined && groupAlive(child.pid) ? [child.pid] : []));
  for (const pid of groups) signalGroup(pid, "SIGTERM");
  const deadline = Date.now() + STOP_GRACE_MS;
  const check = setInterval(() => {
    const left = groups.filter(groupAlive);
    if (left.length > 0 && Date.now() < deadline) return;
    for (const pid of left) signalGroup(pid, "SIGKILL");
    clearInterval(check);
    process.exit(exitCode);
  }, 100);
}

/** Ctrl-C or SIGTERM stops every child; `exitCode` says whether that ends the launcher's job (a demo) or cuts it short. */
export function stopAllOnSignals(exitCode = 0): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => stopAll(exitCode));
  }
}
