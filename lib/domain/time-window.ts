// The time window of the timeline: a preset ("last 24 hours", moving with the clock) or a custom
// from/to range. Every window is bounded, so a timeline never asks ECS for every deployment ever.
export const WINDOW_PRESETS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type WindowPreset = keyof typeof WINDOW_PRESETS;
export const DEFAULT_WINDOW: WindowPreset = "7d";
/** The longest custom range: ECS is asked for each service's deployments in it. */
export const MAX_WINDOW_MS = 90 * 86_400_000;

export interface WindowRequest {
  window?: WindowPreset | "custom";
  from?: Date;
  to?: Date;
}

export interface TimeWindow {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  preset: WindowPreset | "custom";
}

/** The window a request means at `now`, or a message saying what is wrong with it. */
export function resolveWindow(request: WindowRequest, now: Date): TimeWindow | { error: string } {
  const custom = request.from !== undefined || request.to !== undefined;
  const preset = request.window ?? (custom ? "custom" : DEFAULT_WINDOW);
  if (preset !== "custom") {
    if (custom) return { error: "window: choose a preset window or a custom from/to range, not both" };
    return { from: new Date(now.getTime() - WINDOW_PRESETS[preset]), to: now, preset };
  }
  if (!request.from) return { error: "from: a custom window needs a start" };
  const to = request.to ?? now;
  if (request.from.getTime() >= to.getTime()) return { error: "to: must be after from" };
  if (to.getTime() - request.from.getTime() > MAX_WINDOW_MS) return { error: "from: a custom window spans at most 90 days" };
  return { from: request.from, to, preset };
}
