// Overview with 60 services in 3 clusters: cold (fresh server, empty caches) and warm page times, and
// the AWS calls each costs.
import { countCalls, type CallCounts } from "../lib/aws-calls";
import { expectOk } from "../lib/http";
import { startApp, type Running } from "../lib/servers";
import { summarise } from "../lib/stats";
import type { SandboxControl } from "../../tests/support/sandbox-control";

export interface PageResult {
  cold: ReturnType<typeof summarise>;
  coldCalls: CallCounts;
  warm: ReturnType<typeof summarise>;
  warmCalls: CallCounts;
}

export async function measurePage(
  sandboxUrl: string,
  control: SandboxControl,
  coldPaths: string[],
  warmPath: string,
  warmRuns: number,
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
    }
    const calls = await countCalls(control, async () => {
      cold.push((await expectOk(app!.url + path)).ms);
    });
    if (index === 0) coldCalls = calls;
  }
  const warm: number[] = [];
  await expectOk(app!.url + warmPath);
  const warmCalls = await countCalls(control, async () => {
    for (let i = 0; i < warmRuns; i += 1) warm.push((await expectOk(app!.url + warmPath)).ms);
  });
  await app!.stop();
  return { cold: summarise(cold), coldCalls, warm: summarise(warm), warmCalls };
}
