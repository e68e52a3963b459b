// BLUE_GREEN with bake time (aws-behaviour.md §8.3), no load balancer: the lifecycle stages follow each
// other in time, both revisions run through BAKE_TIME, then CLEAN_UP stops blue. D = 2, bake 3 minutes:
// stages of 5 s, green healthy 47 s after SCALE_UP starts (t = 10 s), so BAKE_TIME runs from 82 s to 262 s.
import { StopServiceDeploymentCommand } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activeOf, EcsFixture, primaryOf, stableService } from "./ecs-fixtures";

const BLUE_GREEN = { strategy: "BLUE_GREEN", bakeTimeInMinutes: 3 } as const;

let fx: EcsFixture;
let v1: string;
let v2: string;
beforeEach(async () => {
  fx = await EcsFixture.start();
  ({ v1, v2 } = await stableService(fx, "web", 2));
});
afterEach(() => fx.close());

/** Advance to `seconds` after the UpdateService that started the deployment. */
async function at(seconds: number, since: { t: number }) {
  await fx.advance(seconds - since.t);
  since.t = seconds;
}

describe("BLUE_GREEN with bake time", () => {
  it("walks the lifecycle stages, keeps both revisions up through BAKE_TIME, then cleans up and succeeds", async () => {
    await fx.update("web", { taskDefinition: v2, deploymentConfiguration: BLUE_GREEN });
    const t = { t: 0 };
    const stages: [number, string, string][] = [
      [1, "RECONCILE_SERVICE", "IN_PROGRESS"],
      [6, "PRE_SCALE_UP", "IN_PROGRESS"],
      [12, "SCALE_UP", "IN_PROGRESS"],
      [60, "POST_SCALE_UP", "IN_PROGRESS"],
      [63, "TEST_TRAFFIC_SHIFT", "IN_PROGRESS"],
      [68, "POST_TEST_TRAFFIC_SHIFT", "IN_PROGRESS"],
      [73, "PRODUCTION_TRAFFIC_SHIFT", "IN_PROGRESS"],
      [78, "POST_PRODUCTION_TRAFFIC_SHIFT", "IN_PROGRESS"],
      [83, "BAKE_TIME", "IN_PROGRESS"],
      [263, "CLEAN_UP", "IN_PROGRESS"],
      [280, "CLEAN_UP", "SUCCESSFUL"],
    ];
    const seen: [number, string | undefined, string | undefined][] = [];
    for (const [second] of stages) {
      await at(second, t);
      const d = await fx.newestDeployment("web");
      seen.push([second, d.lifecycleStage, d.status]);
      if (second === 12) {
        // Green scales up beside blue, past maximumPercent: blue keeps all its tasks.
        expect(d.targetServiceRevision).toMatchObject({ requestedTaskCount: 2, pendingTaskCount: 2 });
        expect(d.sourceServiceRevisions).toMatchObject([{ runningTaskCount: 2 }]);
      }
      if (second === 83) {
        const service = await fx.describe("web");
        // The sandbox's choice: during bake time only the new revision is a deployment of the service.
        expect(service.deployments).toHaveLength(1);
        expect(service).toMatchObject({ taskDefinition: v2, runningCount: 2, desiredCount: 2 });
        expect(service.currentServiceRevisions?.map((r) => r.runningTaskCount)).toEqual([2, 2]);
        expect(await fx.tasks("web")).toHaveLength(4);
      }
    }
    expect(seen).toEqual(stages);
    const done = await fx.describe("web");
    expect(done.deployments).toHaveLength(1);
    expect(primaryOf(done)).toMatchObject({ rolloutState: "COMPLETED", runningCount: 2 });
    expect((await fx.tasks("web")).map((task) => task.taskDefinitionArn)).toEqual([v2, v2]);
  });

  it("rolls back at once when stopped during bake time: blue takes over and green's tasks stop", async () => {
    const blueId = primaryOf(await fx.describe("web"))?.id;
    await fx.update("web", { taskDefinition: v2, deploymentConfiguration: BLUE_GREEN });
    await fx.advance(100);
    const baking = await fx.newestDeployment("web");
    expect(baking.lifecycleStage).toBe("BAKE_TIME");
    await fx.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: baking.serviceDeploymentArn, stopType: "ROLLBACK" }));
    await fx.advance(3);

    const service = await fx.describe("web");
    expect(service).toMatchObject({ taskDefinition: v1, runningCount: 2 });
    expect(primaryOf(service)).toMatchObject({ id: blueId, runningCount: 2 });
    expect(activeOf(service)).toMatchObject([{ rolloutState: "FAILED", runningCount: 0 }]);
    expect((await fx.tasks("web")).map((task) => task.taskDefinitionArn)).toEqual([v1, v1]);
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "ROLLBACK_IN_PROGRESS" });

    await fx.advance(15);
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "ROLLBACK_SUCCESSFUL" });
    expect(primaryOf(await fx.describe("web"))).toMatchObject({ id: blueId, rolloutState: "COMPLETED" });
  });

  it("rolls back to blue, which never stopped, when green's tasks trip the circuit breaker in SCALE_UP", async () => {
    await fx.createRepository("api");
    const good = await fx.register("api", (await fx.push("api")).uri);
    const bad = await fx.register("api", (await fx.push("api", { crashing: true })).uri);
    await fx.createService("api", good, 2, { deploymentCircuitBreaker: { enable: true, rollback: true } });
    await fx.advance(120);
    await fx.update("api", { taskDefinition: bad, deploymentConfiguration: BLUE_GREEN });
    await fx.advance(30);

    // Blue kept serving: the rollback only had to let green's failed tasks go, so it is already over.
    expect(await fx.newestDeployment("api")).toMatchObject({
      status: "ROLLBACK_SUCCESSFUL",
      lifecycleStage: "SCALE_UP",
      deploymentCircuitBreaker: { status: "TRIGGERED", threshold: 3 },
    });
    const service = await fx.describe("api");
    expect(service.deployments).toHaveLength(1);
    expect(service).toMatchObject({ taskDefinition: good, runningCount: 2 });
    expect((await fx.tasks("api")).map((task) => task.taskDefinitionArn)).toEqual([good, good]);
    expect(new Set((await fx.tasks("api", "STOPPED")).map((task) => task.taskDefinitionArn))).toEqual(new Set([bad]));
  });

  it.each([
    [{ strategy: "LINEAR" }, "The sandbox does not simulate the LINEAR deployment strategy; use ROLLING or BLUE_GREEN."],
    [{ strategy: "CANARY" }, "The sandbox does not simulate the CANARY deployment strategy; use ROLLING or BLUE_GREEN."],
    [{ strategy: "BLUE_GREEN" }, "deploymentConfiguration.bakeTimeInMinutes is required for the BLUE_GREEN deployment strategy."],
    [{ strategy: "PURPLE" }, "deploymentConfiguration.strategy must be one of ROLLING, BLUE_GREEN, LINEAR, CANARY."],
    [{ strategy: "BLUE_GREEN", bakeTimeInMinutes: 1441 }, "deploymentConfiguration.bakeTimeInMinutes must be an integer between 0 and 1440."],
  ])("refuses %j clearly and changes nothing", async (config, message) => {
    await expect(fx.update("web", { taskDefinition: v2, deploymentConfiguration: config as never })).rejects.toMatchObject({
      name: "InvalidParameterException",
      message,
    });
    const service = await fx.describe("web");
    expect(service.taskDefinition).toBe(v1);
    expect(service.deploymentConfiguration?.strategy).toBeUndefined();
  });
});
