import { describe, expect, it } from "vitest";
import { isTimelineOutcome, outcomeOfEcsStatus } from "@/lib/domain/timeline-outcome";

describe("outcomeOfEcsStatus", () => {
  it.each([
    ["PENDING", "running"],
    ["IN_PROGRESS", "running"],
    ["ROLLBACK_REQUESTED", "running"],
    ["ROLLBACK_IN_PROGRESS", "running"],
    ["STOP_REQUESTED", "running"],
    ["SUCCESSFUL", "succeeded"],
    ["ROLLBACK_SUCCESSFUL", "rolled_back"],
    ["ROLLBACK_FAILED", "failed"],
    ["STOPPED", "stopped"],
    ["SOMETHING_NEW", undefined],
    ["successful", undefined],
  ])("%s → %s", (status, expected) => {
    expect(outcomeOfEcsStatus(status)).toBe(expected);
  });
});

describe("isTimelineOutcome", () => {
  it.each([
    ["running", true],
    ["rolled_back", true],
    ["timed_out", true],
    ["SUCCESSFUL", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(isTimelineOutcome(value)).toBe(expected);
  });
});
