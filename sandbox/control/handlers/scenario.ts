// POST /_sandbox/reset and /_sandbox/seed: throw away every account's state and seed a scenario.
import { z } from "zod";
import { resetRuntime } from "../../runtime";
import { ControlError } from "../http-json";
import { SCENARIO_NAMES } from "../../seed/scenarios";
import type { ControlRequest } from "../request";

const scenarioName = z.enum(SCENARIO_NAMES);
const resetSchema = z.strictObject({ scenario: scenarioName.optional() });
const seedSchema = z.strictObject({ scenario: scenarioName, options: z.record(z.string(), z.unknown()).optional() });

export function reset({ runtime, body }: ControlRequest): unknown {
  const { scenario = runtime.defaultScenario } = resetSchema.parse(body);
  resetRuntime(runtime, scenario);
  return { scenario, clock: runtime.clock.state() };
}

export function seed({ runtime, body }: ControlRequest): unknown {
  const { scenario, options } = seedSchema.parse(body);
  if (options !== undefined && scenario !== "scale") throw new ControlError(400, `options: the ${scenario} scenario takes no options`);
  resetRuntime(runtime, scenario, options);
  return { scenario, clock: runtime.clock.state() };
}
