// One outcome vocabulary for the "what changed?" timeline: our operations' statuses, and what an ECS
// service deployment made outside the dashboard (CI, console) amounts to in the same words, so one
// filter ("rolled back") finds both.
import type { Outcome } from "./outcome-types";

// `partial` is a restore whose services did not all come back.
export const TIMELINE_OUTCOMES = ["running", "succeeded", "rolled_back", "stopped", "failed", "superseded", "timed_out", "partial"] as const satisfies readonly (Outcome | "running" | "partial")[];
export type TimelineOutcome = (typeof TIMELINE_OUTCOMES)[number];

const FROM_ECS_STATUS: Record<string, TimelineOutcome> = {
  PENDING: "running",
  IN_PROGRESS: "running",
  // ECS is still rolling back or stopping: the change has not reached an end yet.
  ROLLBACK_REQUESTED: "running",
  ROLLBACK_IN_PROGRESS: "running",
  STOP_REQUESTED: "running",
  SUCCESSFUL: "succeeded",
  ROLLBACK_SUCCESSFUL: "rolled_back",
  // The rollback itself failed: the service may be left on neither revision.
  ROLLBACK_FAILED: "failed",
  STOPPED: "stopped",
};

/** The outcome of an ECS service deployment's status (§8.1); undefined for a status ECS may add later. */
export function outcomeOfEcsStatus(status: string): TimelineOutcome | undefined {
  return FROM_ECS_STATUS[status];
}

export function isTimelineOutcome(value: string): value is TimelineOutcome {
  return (TIMELINE_OUTCOMES as readonly string[]).includes(value);
}
