import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { processJob } from "@/lib/server/process-job";

describe("processJob", () => {
  it("starts once: later starts resolve with the first handle and never run the start again", async () => {
    let runs = 0;
    const job = processJob(`test-${randomUUID()}`, async (arg: string) => ({ arg, run: ++runs }));
    expect(await job.start("first")).toEqual({ arg: "first", run: 1 });
    expect(await job.start("second")).toEqual({ arg: "first", run: 1 });
    expect(runs).toBe(1);
  });

  it("shares the handle through globalThis under its name, as Next's separate bundles need", async () => {
    const name = `test-${randomUUID()}`;
    await processJob(name, async () => "handle").start(undefined);
    expect(await processJob(name, async () => "other").stopping()).toBe("handle");
  });

  it("stopping() before it ever started resolves undefined; during a start that waits, it tells the start to give up", async () => {
    expect(await processJob(`test-${randomUUID()}`, async () => "x").stopping()).toBeUndefined();
    const job = processJob(`test-${randomUUID()}`, async (_: undefined, stopping) => {
      while (!stopping()) await new Promise((resolve) => setTimeout(resolve, 5));
      return undefined;
    });
    const started = job.start(undefined);
    expect(await job.stopping()).toBeUndefined();
    expect(await started).toBeUndefined();
  });
});
