// bin/steady-state.ts as the cdk CLI runs it: context (cdk.json's and -c's) from CDK_CONTEXT_JSON, the cloud assembly written
// to CDK_OUTDIR. Both stacks' templates must come out, with no error annotations (which `cdk` would
// report as "Synthesis finished with errors").
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { BASE_CONTEXT, CDK_JSON_CONTEXT } from "./support";

const saved = { CDK_OUTDIR: process.env.CDK_OUTDIR, CDK_CONTEXT_JSON: process.env.CDK_CONTEXT_JSON };
afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

it("writes the dashboard's and each environment's template, with no errors", async () => {
  const out = mkdtempSync(path.join(tmpdir(), "ss-cdk-out-"));
  process.env.CDK_OUTDIR = out;
  // The zones as `cdk` caches its lookup in cdk.context.json, so nothing is left to look up.
  const zones = { "availability-zones:account=123456789012:region=eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"] };
  process.env.CDK_CONTEXT_JSON = JSON.stringify({ ...CDK_JSON_CONTEXT, ...BASE_CONTEXT, ...zones });
  await import("../bin/steady-state");

  const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as {
    artifacts: Record<string, { type: string; environment?: string; metadata?: Record<string, { type: string; data: unknown }[]> }>;
    missing?: unknown[];
  };
  const stacks = Object.entries(manifest.artifacts).filter(([, a]) => a.type === "aws:cloudformation:stack");
  expect(stacks.map(([name, a]) => [name, a.environment])).toEqual([
    ["SteadyState", "aws://123456789012/eu-west-1"],
    ["SteadyStateAccess-production", "aws://210987654321/eu-west-1"],
  ]);
  for (const [name] of stacks) expect(existsSync(path.join(out, `${name}.template.json`))).toBe(true);
  const errors = stacks.flatMap(([, a]) => Object.values(a.metadata ?? {}).flat().filter((m) => m.type === "aws:cdk:error"));
  expect(errors).toEqual([]);
  // Nothing left for `cdk` to look up with credentials.
  expect(manifest.missing ?? []).toEqual([]);
});
