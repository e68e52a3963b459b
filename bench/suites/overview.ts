// Page times with cold caches and warm caches, and the AWS calls each costs. Cold runs use a fresh
// server, warmed up by one request that reads no ECS data (or not warmed, to show a first request
// after a deploy).
import { countCalls, type CallCounts } from "../lib/aws-calls";
import { expectOk, timedGet } from "../lib/http";
import { startApp, type Running } from "../lib/servers";
import { summarise } from "../lib/stats";
import type { SandboxControl } from "../../tests/support/sandbox-control";

export interface PageResult {
  cold: ReturnType<typeof summarise>;
  coldCalls: CallCounts;
  warm: ReturnType<typeof summarise>;
  warmCalls: CallCounts;
}

/**
 * A request that runs the rendering pipeline but reads nothing from AWS (an unknown environment: a
 * 404 page). The SDK and the clients are loaded at server start (instrumentation.ts). After it, a
 * "cold" request measures cold caches rather than a process that has never rendered a page.
 */
export const PROCESS_WARM_UP_PATH = "/repositories/no-such-environment/warm-up";

export async function measurePage(
  sandboxUrl: string,
  control: SandboxControl,
  coldPaths: string[],
  warmPath: string,
  warmRuns: number,
  opts: { warmUpProcess: boolean } = { warmUpProcess: true },
): Promise<PageResult> {
  const cold: number[] = [];
  let coldCalls: CallCounts = {};
  let app: Running | undefined;
  // A cold run needs empty caches: when there is one path, restart the server for each run; when
  // there are several equivalent paths (different repositories of the same size), one server serves each cold once.
  for (const [index, path] of coldPaths.entries()) {
    if (!app || coldPaths.every((p) => p === path)) {
      await app?.stop();
      app = await startApp(sandboxUrl);
      if (opts.warmUpProcess) await timedGet(app.url + PROCESS_WARM_UP_PATH);
    }
    const calls = await countCalls(control, async () => {
      cold.push((await expectOk(app!.url + path)).ms);
    });
    if (index === 0 && opts.warmUpProcess && calls.ListClusters === undefined && path === "/") {
      throw new Error("the warm-up request read ECS data: the cold measurement would not be cold");
    }
    if (index === 0) coldCalls = calls;
  }
  const warm: number[] = [];
  // Warm means a server that has served the page a few times (JIT and caches), as in production.
  for (let i = 0; i < 20; i += 1) await expectOk(app!.url + warmPath);
  const warmCalls = await countCalls(control, async () => {
    for (let i = 0; i < warmRuns; i += 1) warm.push((await expectOk(app!.url + warmPath)).ms);
  });
  await app!.stop();
  return { cold: summarise(cold), coldCalls, warm: summarise(warm), warmCalls };
}
