// What this server does on SIGTERM (ECS stopping the task, a rolling deploy) or SIGINT: Next's own
// handler is off (NEXT_MANUAL_SIG_HANDLE=true in `npm start` and the Dockerfile), because it exits at
// once and the follower's leases would then sit for leaseTtlMs before another replica took over.
// In order: readiness answers 503 (draining); the HTTP servers stop accepting connections; the follower
// stops and gives back every lease it holds, so another replica claims them on its next tick; in-flight
// requests get a bounded grace; the store closes; exit 0 (1 if a step failed). A deadline timer exits
// whatever happens, inside the 10 s the deploy guide promises; a second signal exits at once.
import { constants } from "node:os";
import { startDraining } from "./draining";

export interface ShutdownSteps {
  /** Stop accepting connections; returns how many servers. */
  stopAccepting(): number;
  /** Stop the follower and release its leases; returns how many. */
  stopFollower(): Promise<number>;
  /** Wait up to `graceMs` for in-flight requests; returns how many are still open. */
  inFlightAfter(graceMs: number): Promise<number>;
  closeAllConnections(): void;
  closeStore(): Promise<void>;
  log(line: string): void;
  exit(code: number): void;
}

export interface ShutdownTimes {
  /** How long the follower may take to stop and release its leases. */
  followerMs: number;
  /** How long in-flight requests may take to finish. */
  graceMs: number;
  /** Exit by then whatever is still running (below ECS's and the deploy guide's 10 s). */
  deadlineMs: number;
}

export const SHUTDOWN_TIMES: ShutdownTimes = { followerMs: 3000, graceMs: 4000, deadlineMs: 9000 };

class TimedOut extends Error {}

function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimedOut(`${what} took longer than ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The shutdown sequence itself; resolves after calling `steps.exit`. */
export async function shutDown(signal: string, steps: ShutdownSteps, times: ShutdownTimes = SHUTDOWN_TIMES): Promise<void> {
  const began = Date.now();
  const deadline = setTimeout(() => {
    steps.log(`shutdown: not finished ${times.deadlineMs} ms after ${signal}; exiting now`);
    steps.exit(1);
  }, times.deadlineMs);
  let failed = false;
  startDraining();
  const servers = steps.stopAccepting();
  steps.log(`shutdown: ${signal}: draining (readiness answers 503), ${servers} HTTP server(s) no longer accept connections`);
  try {
    const released = await within(times.followerMs, steps.stopFollower(), "stopping the follower");
    steps.log(`shutdown: follower stopped, ${released} lease(s) released for another replica to take over`);
  } catch (error) {
    failed = true;
    steps.log(`shutdown: the follower's leases were not released (${reason(error)}); another replica takes over after leaseTtlMs`);
  }
  const left = await steps.inFlightAfter(times.graceMs);
  if (left > 0) steps.log(`shutdown: ${left} request(s) still open after ${times.graceMs} ms; closing their connections`);
  steps.closeAllConnections();
  try {
    await within(Math.max(0, times.deadlineMs - (Date.now() - began) - 500), steps.closeStore(), "closing the store");
  } catch (error) {
    failed = true;
    steps.log(`shutdown: the store did not close cleanly (${reason(error)})`);
  }
  clearTimeout(deadline);
  steps.log(`shutdown: done in ${Date.now() - began} ms; exiting ${failed ? 1 : 0}`);
  steps.exit(failed ? 1 : 0);
}

/** Runs shutDown on the first SIGTERM or SIGINT; a second one exits at once (128 + its number). */
export function shutDownOnSignals(steps: ShutdownSteps, times: ShutdownTimes = SHUTDOWN_TIMES, signals: Pick<NodeJS.Process, "on"> = process): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      steps.log(`shutdown: ${signal} again; exiting at once`);
      steps.exit(128 + constants.signals[signal]);
      return;
    }
    started = true;
    void shutDown(signal, steps, times);
  };
  signals.on("SIGTERM", onSignal);
  signals.on("SIGINT", onSignal);
}
