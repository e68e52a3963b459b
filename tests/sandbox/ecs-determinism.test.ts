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
  return { call, moveTo, ecs };
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

/** Blue/green stopped in bake time, then a rolling rollout failed by an alarm: every write-side path. */
function writeSide(stepMs: number): string {
  const { call, moveTo, ecs } = model();
  call("CreateCluster", { clusterName: "production" });
  for (const image of ["nginx:1.27", "nginx:1.28"]) call("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "app", image }] });
  call("CreateService", { cluster: "production", serviceName: "web", taskDefinition: "web:1", desiredCount: 3 });
  moveTo(START + 90_000, stepMs);
  call("UpdateService", { cluster: "production", service: "web", taskDefinition: "web:2", deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: 2 } });
  moveTo(START + 200_000, stepMs);
  const list = () => call("ListServiceDeployments", { cluster: "production", service: "web" }).serviceDeployments as { serviceDeploymentArn: string }[];
  call("StopServiceDeployment", { serviceDeploymentArn: list()[0]?.serviceDeploymentArn });
  moveTo(START + 300_000, stepMs);
  const alarms = { alarmNames: ["web-5xx"], enable: true, rollback: true };
  call("UpdateService", { cluster: "production", service: "web", taskDefinition: "web:2", deploymentConfiguration: { strategy: "ROLLING", alarms } });
  moveTo(START + 400_000, stepMs);
  ecs.setAlarmState("web-5xx", "ALARM", START + 400_000);
  moveTo(START + 600_000, stepMs);
  const arns = list().map((d) => d.serviceDeploymentArn);
  return JSON.stringify({
    deployments: call("DescribeServiceDeployments", { serviceDeploymentArns: arns }),
    service: call("DescribeServices", { cluster: "production", services: ["web"] }),
  });
}

describe("determinism of the write side", () => {
  it.each([1_000, 7_000])("answers byte for byte the same in %i ms steps as in one jump", (stepMs) => {
    const jump = writeSide(Number.MAX_SAFE_INTEGER);
    expect(writeSide(stepMs)).toBe(jump);
    expect(writeSide(Number.MAX_SAFE_INTEGER)).toBe(jump);
    const statuses = (JSON.parse(jump) as { deployments: { serviceDeployments: { status: string }[] } }).deployments.serviceDeployments.map((d) => d.status);
    expect(statuses).toEqual(["ROLLBACK_SUCCESSFUL", "ROLLBACK_SUCCESSFUL", "SUCCESSFUL"]);
  });
});
