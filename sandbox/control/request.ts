// What a control handler gets: the runtime, the parsed body, and the account+region it targets
// (query ?account=&region=, defaulting to the demo account and region).
import { z } from "zod";
import type { RegionWorld } from "../core/operation";
import type { SandboxRuntime } from "../runtime";
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from "../world/defaults";

export interface ControlRequest {
  runtime: SandboxRuntime;
  body: unknown;
  account: string;
  region: string;
  /** The targeted world, brought up to the clock. */
  world(): RegionWorld;
}

const scopeSchema = z.object({
  account: z.string().regex(/^\d{12}$/, "account must be 12 digits").default(DEFAULT_ACCOUNT),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "region must look like ap-south-1").default(DEFAULT_REGION),
});

export function controlRequest(runtime: SandboxRuntime, url: URL, body: unknown): ControlRequest {
  const { account, region } = scopeSchema.parse({
    account: url.searchParams.get("account") ?? undefined,
    region: url.searchParams.get("region") ?? undefined,
  });
  return {
    runtime,
    body,
    account,
    region,
    world: () => {
      const world = runtime.worlds.get(account, region);
      runtime.worlds.advance(world);
      return world;
    },
  };
}
