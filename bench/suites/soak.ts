// Fifty people refreshing the overview during an incident must cost AWS what one person costs.
// Each viewer loads the page every refresh interval (as the page's auto-refresh does), staggered.
import { totalCalls, countCalls, type CallCounts } from "../lib/aws-calls";
import { timedGet } from "../lib/http";
import { startApp, treeRssMb } from "../lib/servers";
import { summarise } from "../lib/stats";
import type { SandboxControl } from "../../tests/support/sandbox-control";

export interface SoakResult {
  viewers: number;
  seconds: number;
  requests: number;
  errors: number;
  latency: ReturnType<typeof summarise>;
  calls: CallCounts;
  totalCalls: number;
  maxRssMb: number;
}

// Each viewer loads the page at start + offset + k × interval for every such time within the window,
// both ends included. One viewer then loads at 0, 5, …, 60 s and crosses the same twelve cache
// buckets as the staggered fifty; stopping before the window's end would leave the single viewer one
// refresh short and bias the 1-vs-50 comparison by a whole bucket (about 9 %).
async function viewer(url: string, intervalMs: number, start: number, windowMs: number, offsetMs: number, samples: number[], errors: { n: number }) {
  for (let at = offsetMs; at <= windowMs; at += intervalMs) {
    const wait = start + at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      const result = await timedGet(url);
      samples.push(result.ms);
      if (result.status !== 200) errors.n += 1;
    } catch {
      errors.n += 1;
    }
  }
}

export async function soak(
  sandboxUrl: string,
  control: SandboxControl,
  opts: { viewers: number; seconds: number; intervalMs: number; path: string },
): Promise<SoakResult> {
  const app = await startApp(sandboxUrl);
  await timedGet(app.url + opts.path); // the first viewer's load happened before the incident
  const samples: number[] = [];
  const errors = { n: 0 };
  let maxRssMb = 0;
  const sampler = setInterval(() => {
    maxRssMb = Math.max(maxRssMb, treeRssMb(app.process.pid as number));
  }, 1000);
  const start = Date.now();
  const calls = await countCalls(control, async () => {
    await Promise.all(
      Array.from({ length: opts.viewers }, (_, i) =>
        viewer(app.url + opts.path, opts.intervalMs, start, opts.seconds * 1000, (i * opts.intervalMs) / opts.viewers, samples, errors),
      ),
    );
  });
  clearInterval(sampler);
  maxRssMb = Math.max(maxRssMb, treeRssMb(app.process.pid as number));
  await app.stop();
  return {
    viewers: opts.viewers,
    seconds: opts.seconds,
    requests: samples.length,
    errors: errors.n,
    latency: summarise(samples),
    calls,
    totalCalls: totalCalls(calls),
    maxRssMb: Math.round(maxRssMb),
  };
}
