// The named starting states of the sandbox: "empty" (nothing), "demo" (product.md's demo and incident),
// "scale" (benchmark sizes). Each is deterministic: the same scenario gives the same state every run.
import { prerenderImageDetails } from "../ecr/image-detail-json";
import { seedDemo } from "./demo";
import { seedScale } from "./scale";
import type { SeedTarget } from "./seed-driver";

export const SCENARIO_NAMES = ["empty", "demo", "scale"] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(value);
}

/** Seed `name` into a fresh state. Options are validated by the scenario (zod errors mean bad input). */
export function seedScenario(target: SeedTarget, name: ScenarioName, options?: unknown): void {
  switch (name) {
    case "empty":
      return;
    case "demo":
      seedDemo(target);
      break;
    case "scale":
      seedScale(target, options);
      break;
  }
  const now = target.clock.now();
  for (const world of target.worlds.list()) prerenderImageDetails(world, now);
}
