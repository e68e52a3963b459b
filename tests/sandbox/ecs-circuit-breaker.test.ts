// Crashing images and the deployment circuit breaker (aws-behaviour.md §3.2, §3.4). D = 2, so the
// threshold is 3: two tasks fail 7 s after launch, two replacements fail 7 s later and trip it.
import { ListServiceDeploymentsCommand, DescribeServiceDeploymentsCommand } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activeOf, CLUSTER, EcsFixture, messages, primaryOf } from "./ecs-fixtures";

describe("circuit breaker", () => {
  let fx: EcsFixture;
  let good: string;
  let bad: string;
  beforeEach(async () => {
    fx = await EcsFixture.start();
    await fx.createRepository("web");
    good = await fx.register("web", (await fx.push("web")).uri);
    bad = await fx.register("web", (await fx.push("web", { crashing: true })).uri);
  });
  afterEach(() => fx.close());

  it("fails the deployment and rolls back to the last COMPLETED one under its old id", async () => {
    await fx.createService("web", good, 2, { deploymentCircuitBreaker: { enable: true, rollback: true } });
    await fx.advance(120);
    const oldId = primaryOf(await fx.describe("web"))?.id ?? "";
    const failingId = primaryOf(await fx.update("web", { taskDefinition: bad }))?.id ?? "";

    await fx.advance(8);
    const midway = primaryOf(await fx.describe("web"));
    expect(midway).toMatchObject({ id: failingId, rolloutState: "IN_PROGRESS", failedTasks: 2, runningCount: 0 });

    await fx.advance(7);
    const rolling = await fx.describe("web");
    expect(rolling.taskDefinition).toBe(good);
    expect(primaryOf(rolling)).toMatchObject({
      id: oldId,
      rolloutState: "IN_PROGRESS",
      rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${oldId}.`,
    });
    expect(activeOf(rolling)).toMatchObject([
      { id: failingId, rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start." },
    ]);
    expect(messages(rolling).slice(0, 2)).toEqual([
      `(service web) rolling back to deployment ${oldId}.`,
      `(service web) (deployment ${failingId}) deployment failed: tasks failed to start.`,
    ]);

    await fx.advance(60);
    const after = await fx.describe("web");
    expect(after.deployments).toHaveLength(1);
    expect(primaryOf(after)).toMatchObject({ id: oldId, rolloutState: "COMPLETED", rolloutStateReason: `ECS deployment ${oldId} completed.`, runningCount: 2 });
    expect(after.taskDefinition).toBe(good);

    const crashed = (await fx.tasks("web", "STOPPED")).filter((t) => t.startedBy === failingId);
    expect(crashed.length).toBeGreaterThanOrEqual(3);
    expect(crashed[0]).toMatchObject({ stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited", lastStatus: "STOPPED" });
    expect(crashed[0]?.startedAt).toBeUndefined();

    const list = await fx.ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: "web" }));
    expect(list.serviceDeployments?.map((d) => d.status)).toEqual(["ROLLBACK_SUCCESSFUL", "SUCCESSFUL"]);
    const arn = list.serviceDeployments?.[0]?.serviceDeploymentArn ?? "";
    expect(arn).toMatch(/^arn:aws:ecs:ap-south-1:123456789012:service-deployment\/production\/web\/[A-Za-z0-9_-]{22}$/);
    const described = await fx.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn, `${arn}x`] }));
    expect(described.serviceDeployments?.[0]).toMatchObject({
      status: "ROLLBACK_SUCCESSFUL",
      deploymentCircuitBreaker: { status: "TRIGGERED", threshold: 3 },
      rollback: { serviceRevisionArn: expect.stringMatching(new RegExp(`service-revision/production/web/${oldId.slice(8)}$`)) },
    });
    expect(described.failures).toEqual([{ arn: `${arn}x`, reason: "MISSING" }]);
  });

  it("without the breaker keeps failing, stays IN_PROGRESS and counts failedTasks", async () => {
    await fx.createService("web", good, 2);
    await fx.advance(120);
    const failingId = primaryOf(await fx.update("web", { taskDefinition: bad }))?.id;

    await fx.advance(30);
    const first = primaryOf(await fx.describe("web"));
    await fx.advance(30);
    const service = await fx.describe("web");
    const second = primaryOf(service);
    expect(second).toMatchObject({ id: failingId, rolloutState: "IN_PROGRESS", runningCount: 0 });
    expect(first?.failedTasks).toBeGreaterThanOrEqual(6);
    expect(second?.failedTasks).toBeGreaterThan(first?.failedTasks ?? 0);
    expect(activeOf(service)).toMatchObject([{ runningCount: 2 }]);
    expect(service.taskDefinition).toBe(bad);
  });

  it("marks the deployment FAILED without rollback when rollback is off", async () => {
    await fx.createService("web", good, 2, { deploymentCircuitBreaker: { enable: true, rollback: false } });
    await fx.advance(120);
    const failingId = primaryOf(await fx.update("web", { taskDefinition: bad }))?.id;
    await fx.advance(60);
    const service = await fx.describe("web");
    expect(primaryOf(service)).toMatchObject({ id: failingId, rolloutState: "FAILED" });
    expect(activeOf(service)).toMatchObject([{ runningCount: 2 }]);
    const list = await fx.ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: "web", status: ["STOPPED"] }));
    expect(list.serviceDeployments).toMatchObject([{ status: "STOPPED", statusReason: "ECS deployment circuit breaker: tasks failed to start." }]);
  });
});
