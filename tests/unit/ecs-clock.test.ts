import { describe, expect, it } from "vitest";
import { bakeTimeLeftMs, ecsClockOffsetMs } from "@/lib/domain/ecs-clock";

const NOW = new Date("2026-11-25T12:00:00Z");
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const MIN = 60_000;
const baking = { status: "IN_PROGRESS", lifecycleStage: "BAKE_TIME", bakeTimeInMinutes: 4, now: NOW };

describe("ecsClockOffsetMs", () => {
  it.each([
    ["ECS ahead by 1 h 43 min (a sandbox running fast)", at(103 * MIN), NOW, 103 * MIN],
    ["the same clock", NOW, NOW, 0],
    ["ECS behind", at(-5000), NOW, -5000],
    ["no createdAt: assume the same clock", undefined, NOW, 0],
  ])("%s", (_name, created, requested, expected) => {
    expect(ecsClockOffsetMs(created, requested)).toBe(expected);
  });
});

describe("bakeTimeLeftMs", () => {
  it.each([
    // The case: ECS's clock far ahead of ours; a 4-minute bake entered 1 minute ago (ECS time) has 3 left.
    ["ECS clock 1 h 43 min ahead, bake entered 1 min ago on it", { ...baking, stageEnteredAt: at(102 * MIN), ecsOffsetMs: 103 * MIN }, 3 * MIN],
    ["same clocks, just entered", { ...baking, stageEnteredAt: NOW, ecsOffsetMs: 0 }, 4 * MIN],
    ["same clocks, 30 s in", { ...baking, stageEnteredAt: at(-30_000), ecsOffsetMs: 0 }, 3.5 * MIN],
    ["past its end: zero, never negative", { ...baking, stageEnteredAt: at(-10 * MIN), ecsOffsetMs: 0 }, 0],
    ["stage entered 'in the future' on a skewed estimate: at most the bake time", { ...baking, stageEnteredAt: at(2 * MIN), ecsOffsetMs: 0 }, 4 * MIN],
    ["another stage", { ...baking, lifecycleStage: "CLEAN_UP", stageEnteredAt: NOW, ecsOffsetMs: 0 }, undefined],
    ["a stopped deployment still reporting BAKE_TIME", { ...baking, status: "ROLLBACK_REQUESTED", stageEnteredAt: NOW, ecsOffsetMs: 0 }, undefined],
    ["a finished deployment", { ...baking, status: "SUCCESSFUL", stageEnteredAt: NOW, ecsOffsetMs: 0 }, undefined],
    ["no bake time configured", { ...baking, bakeTimeInMinutes: undefined, stageEnteredAt: NOW, ecsOffsetMs: 0 }, undefined],
    ["ECS gave no stage time", { ...baking, ecsOffsetMs: 0 }, undefined],
  ])("%s", (_name, input, expected) => {
    expect(bakeTimeLeftMs(input)).toBe(expected);
  });
});
