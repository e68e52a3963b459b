// GET|POST /_sandbox/clock: read, freeze, advance or resume the sandbox clock. Advancing runs every
// world's simulation up to the new time at once, so the effects are visible to the very next call.
import { z } from "zod";
import { ControlError } from "../http-json";
import type { ControlRequest } from "../request";

const clockChangeSchema = z.strictObject({
  freeze: z.boolean().optional(),
  /** Up to a year per call, which covers "60 days later" jumps with room to spare. */
  advanceMs: z.number().int().min(0).max(366 * 24 * 3600 * 1000).optional(),
  resume: z.boolean().optional(),
});

export function getClock({ runtime }: ControlRequest): unknown {
  return runtime.clock.state();
}

export function changeClock({ runtime, body }: ControlRequest): unknown {
  const change = clockChangeSchema.parse(body);
  if (change.freeze && change.resume) throw new ControlError(400, "freeze and resume cannot both be true");
  if (change.freeze) runtime.clock.freeze();
  if (change.advanceMs !== undefined) runtime.clock.advance(change.advanceMs);
  if (change.resume) runtime.clock.resume();
  runtime.worlds.advanceAll();
  return runtime.clock.state();
}
