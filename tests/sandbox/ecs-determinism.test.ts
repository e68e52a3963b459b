// advanceTo() is deterministic and independent of how the time is chopped up: advancing once over two
// minutes or second by second yields identical services, tasks, ids and events (the seed relies on it).
import { describe, expect, it } from "vitest";
import type { Input, RegionWorld } from "../../sandbox/core/operation";
import { EcrRegion } from "../../sandbox/ecr/state";
import { ecsOperations } from "../../sandbox/ecs/operations";
import { EcsRegion } from "../../sandbox/ecs/state";

const ACCOUNT = "123456789012";
const REGION = "ap-south-1";
const START = Date.UTC(2026, 10, 25, 9, 0, 0);

function model() {
  const ecr = new EcrRegion({ account: ACCOUNT, region: REGION });
  const ecs = new EcsRegion({ account: ACCOUNT, region: REGION, ecr });
  const world: RegionWorld = { account: ACCOUNT, region: REGION, ecs, ecr };
  let now = START;
  const call = (operation: string, input: Input) => {
    ecs.advanceTo(now);
    const run = ecsOperations[operation];
    if (!run) throw new Error(operation);
    return run(input, { account: ACCOUNT, region: REGION, now, world });
  };
  const moveTo = (at: number, stepMs: number) => {
    while (now < at) {
      now = Math.min(at, now + stepMs);
      ecs.advanceTo(now);
    }
  };
  return { call, moveTo };
}

function scenario(stepMs: number) {
  const { call, moveTo } = model();
  call("CreateCluster", { clusterName: "production" });
  for (const image of ["nginx:1.27", "nginx:1.28"]) call("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "app", image }] });
  call("CreateService", { cluster: "production", serviceName: "web", taskDefinition: "web:1", desiredCount: 3 });
  moveTo(START + 90_000, stepMs);
  call("UpdateService", { cluster: "production", service: "web", taskDefinition: "web:2", deploymentConfiguration: { minimumHealthyPercent: 50 } });
  moveTo(START + 200_000, stepMs);
  const tasks = call("ListTasks", { cluster: "production", desiredStatus: "STOPPED" }).taskArns as string[];
  return {
    service: call("DescribeServices", { cluster: "production", services: ["web"] }),
    stopped: call("DescribeTasks", { cluster: "production", tasks }),
  };
}

describe("determinism", () => {
  it.each([1_000, 7_000, 60_000])("gives the same state when advancing in %i ms steps as in one jump", (stepMs) => {
    const jump = scenario(Number.MAX_SAFE_INTEGER);
    expect(scenario(stepMs)).toEqual(jump);
    expect((jump.stopped.tasks as unknown[]).length).toBe(3);
  });
});
