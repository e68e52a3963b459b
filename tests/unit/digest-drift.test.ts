import { describe, expect, it } from "vitest";
import { detectDigestDrift } from "@/lib/domain/digest-drift";
import type { Task } from "@/lib/domain/types";

const A = `sha256:${"a".repeat(64)}`;
const B = `sha256:${"b".repeat(64)}`;
const LOG = `sha256:${"c".repeat(64)}`;

let n = 0;
function task(lastStatus: string, app: string | undefined, logRouter: string | undefined = LOG): Task {
  n += 1;
  return {
    arn: `arn:aws:ecs:ap-south-1:123456789012:task/production/${String(n).padStart(32, "0")}`,
    taskDefinitionArn: "arn:aws:ecs:ap-south-1:123456789012:task-definition/my-api:42",
    lastStatus,
    desiredStatus: lastStatus === "STOPPED" ? "STOPPED" : "RUNNING",
    containers: [
      { name: "app", image: "my-api:prod-1", ...(app && { imageDigest: app }) },
      { name: "log-router", image: "log-router:stable", ...(logRouter && { imageDigest: logRouter }) },
    ],
  };
}

describe("detectDigestDrift", () => {
  it.each([
    { name: "all tasks agree", tasks: [task("RUNNING", A), task("RUNNING", A)], drift: false },
    { name: "two digests for app", tasks: [task("RUNNING", A), task("RUNNING", B), task("RUNNING", A)], drift: true },
    { name: "a PENDING task counts", tasks: [task("RUNNING", A), task("PENDING", B)], drift: true },
    { name: "STOPPED tasks are ignored", tasks: [task("RUNNING", A), task("STOPPED", B)], drift: false },
    { name: "DEPROVISIONING tasks are ignored", tasks: [task("RUNNING", A), task("DEPROVISIONING", B)], drift: false },
    { name: "containers without a digest are ignored", tasks: [task("RUNNING", A), task("RUNNING", undefined)], drift: false },
    { name: "no tasks", tasks: [], drift: false },
  ])("$name → drift=$drift", ({ tasks, drift }) => {
    expect(detectDigestDrift(tasks).drift).toBe(drift);
  });

  it("groups per container, most common digest first, containers by name", () => {
    const result = detectDigestDrift([task("RUNNING", B), task("RUNNING", A), task("PENDING", A), task("STOPPED", B, undefined)]);
    expect(result).toEqual({
      drift: true,
      byContainer: [
        { container: "app", digests: [{ digest: A, taskCount: 2 }, { digest: B, taskCount: 1 }] },
        { container: "log-router", digests: [{ digest: LOG, taskCount: 3 }] },
      ],
    });
  });
});
