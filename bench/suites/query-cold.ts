// The overview's data path alone, in this process: getOverview() with empty caches, repeated. It
// separates AWS round trips and our own work from a fresh server's first render (JIT, module
// start-up), which the page-level cold figure includes.
import { benchAwsEnv } from "../lib/sandbox-env";
import { summarise } from "../lib/stats";

export async function overviewQueryCold(sandboxUrl: string, runs: number) {
  Object.assign(process.env, benchAwsEnv(sandboxUrl));
  const { getConfig } = await import("../../lib/config");
  const { prepareClients, resetAwsCaches } = await import("../../lib/aws");
  const { getOverview } = await import("../../lib/queries/overview");
  prepareClients(getConfig());
  const samples: number[] = [];
  for (let i = 0; i <= runs; i += 1) {
    resetAwsCaches();
    const started = performance.now();
    await getOverview();
    // The first run also pays for this process's JIT and connections; it is not counted.
    if (i > 0) samples.push(performance.now() - started);
  }
  resetAwsCaches();
  return summarise(samples);
}
