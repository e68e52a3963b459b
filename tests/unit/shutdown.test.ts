// The shutdown sequence (lib/server/shutdown.ts) with its steps recorded: the order the hand-over needs,
// what a step that fails or hangs does to the exit code, and a second signal.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { drainingSince } from "@/lib/server/draining";
import { shutDown, shutDownOnSignals, type ShutdownSteps, type ShutdownTimes } from "@/lib/server/shutdown";

const TIMES: ShutdownTimes = { followerMs: 100, graceMs: 100, deadlineMs: 1000 };
const never = new Promise<never>(() => undefined);

function recorder(overrides: Partial<ShutdownSteps> = {}) {
  const calls: string[] = [];
  const lines: string[] = [];
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const steps: ShutdownSteps = {
    stopAccepting: () => (calls.push(`stopAccepting draining=${drainingSince() !== undefined}`), 1),
    stopFollower: async () => (calls.push("stopFollower"), 2),
    inFlightAfter: async (graceMs) => (calls.push(`inFlightAfter ${graceMs}`), 0),
    closeAllConnections: () => void calls.push("closeAllConnections"),
    closeStore: async () => void calls.push("closeStore"),
    log: (line) => void lines.push(line),
    exit: (code) => (calls.push(`exit ${code}`), exited(code)),
    ...overrides,
  };
  return { steps, calls, lines, exit };
}

describe("shutDown", () => {
  it("drains, stops accepting, releases the leases, waits for requests, closes the store, then exits 0", async () => {
    const r = recorder();
    await shutDown("SIGTERM", r.steps, TIMES);
    expect(r.calls).toEqual(["stopAccepting draining=true", "stopFollower", "inFlightAfter 100", "closeAllConnections", "closeStore", "exit 0"]);
    expect(r.lines.join("\n")).toMatch(/SIGTERM: draining[\s\S]*2 lease\(s\) released[\s\S]*exiting 0/);
  });

  it.each([
    ["fails", () => Promise.reject(new Error("database down"))],
    ["hangs", () => never],
  ])("a follower that %s is logged; the rest still runs and the exit code says so", async (_, stopFollower) => {
    const r = recorder({ stopFollower });
    await shutDown("SIGTERM", r.steps, TIMES);
    expect(r.calls.slice(-3)).toEqual(["closeAllConnections", "closeStore", "exit 1"]);
    expect(r.lines.join("\n")).toMatch(/leases were not released .*another replica takes over after leaseTtlMs/);
  });

  it("exits at the deadline when a step never finishes", async () => {
    const r = recorder({ inFlightAfter: () => never });
    void shutDown("SIGTERM", r.steps, { ...TIMES, deadlineMs: 400 });
    expect(await r.exit).toBe(1);
    expect(r.lines.join("\n")).toMatch(/not finished 400 ms after SIGTERM; exiting now/);
  });
});

describe("shutDownOnSignals", () => {
  it("runs the sequence once on SIGTERM or SIGINT, and a second signal exits at once", async () => {
    const r = recorder({ inFlightAfter: () => never });
    const signals = new EventEmitter();
    shutDownOnSignals(r.steps, { ...TIMES, graceMs: 60_000, deadlineMs: 60_000 }, signals as unknown as NodeJS.Process);
    signals.emit("SIGTERM", "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 10));
    signals.emit("SIGINT", "SIGINT");
    expect(await r.exit).toBe(130);
    expect(r.calls.filter((c) => c.startsWith("stopAccepting"))).toHaveLength(1);
  });
});
