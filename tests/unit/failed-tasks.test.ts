import { describe, expect, it } from "vitest";
import { failedTaskReasons, taskFailed } from "@/lib/domain/failed-tasks";
import type { Task } from "@/lib/domain/types";

const TD = "arn:aws:ecs:ap-south-1:123456789012:task-definition/web:8";
let n = 0;
function task(over: Partial<Task>, exitCode?: number, containerReason?: string): Task {
  n += 1;
  return {
    arn: `arn:aws:ecs:ap-south-1:123456789012:task/production/${String(n).padStart(32, "0")}`,
    taskDefinitionArn: TD,
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stoppedAt: new Date("2026-11-25T12:00:00Z"),
    containers: [{ name: "app", ...(exitCode !== undefined && { exitCode }), ...(containerReason && { reason: containerReason }) }],
    ...over,
  };
}

const scaleDown = task({ stopCode: "ServiceSchedulerInitiated", stoppedReason: "Scaling activity initiated by (deployment ecs-svc/1)" }, 0);
const crashed = task({ stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" }, 1);
const cannotPull = task({ stopCode: "TaskFailedToStart", stoppedReason: "CannotPullContainerError: image not found" });
const unhealthy = task({ stopCode: "ServiceSchedulerInitiated", stoppedReason: "Task failed ELB health checks in (target-group web)" }, 137);
const userStop = task({ stopCode: "UserInitiated", stoppedReason: "Task stopped by user" }, 0);
const oom = task({ stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" }, undefined, "OutOfMemoryError: Container killed");

describe("taskFailed", () => {
  it.each([
    ["a scale-down (scheduler, exit 0)", scaleDown, false],
    ["a user's stop (exit 0)", userStop, false],
    ["a crash (exit 1)", crashed, true],
    ["a task that could not pull its image", cannotPull, true],
    ["a task that failed its health checks", unhealthy, true],
    ["an essential container gone without an exit code", oom, true],
  ])("%s → %s", (_name, t, expected) => {
    expect(taskFailed(t)).toBe(expected);
  });
});

describe("failedTaskReasons", () => {
  it("lists only failed tasks, one line per distinct reason", () => {
    const reasons = failedTaskReasons([scaleDown, crashed, { ...crashed, arn: `${crashed.arn}x` }, userStop, cannotPull]);
    expect(reasons.map((r) => r.reason)).toEqual(["Essential container in task exited — exit code 1", "CannotPullContainerError: image not found"]);
    expect(reasons[0]).toMatchObject({ revision: "web:8", at: "2026-11-25T12:00:00.000Z" });
  });

  it("is empty when every stopped task was stopped cleanly", () => {
    expect(failedTaskReasons([scaleDown, userStop])).toEqual([]);
  });
});
