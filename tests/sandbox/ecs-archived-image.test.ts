// A rollback to an archived image (aws-behaviour.md §8.5): ECR answers the pull with 404, so the new
// tasks stop with ECS's CannotPullContainerError and the circuit breaker rolls the service back; once
// the image is restored (20 sandbox minutes) the same deployment succeeds.
import { UpdateImageStorageClassCommand } from "@aws-sdk/client-ecr";
import { ListServiceDeploymentsCommand } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLUSTER, EcsFixture, primaryOf } from "./ecs-fixtures";

describe("deploying an archived image", () => {
  let fx: EcsFixture;
  let older: { uri: string; digest: string };
  let v1: string;
  let v2: string;
  const storageClass = (targetStorageClass: "ARCHIVE" | "STANDARD") =>
    fx.sandbox.ecr.send(new UpdateImageStorageClassCommand({ repositoryName: "web", imageId: { imageDigest: older.digest }, targetStorageClass }));

  beforeEach(async () => {
    fx = await EcsFixture.start();
    await fx.createRepository("web");
    older = await fx.push("web");
    v1 = await fx.register("web", older.uri);
    v2 = await fx.register("web", (await fx.push("web")).uri);
    await fx.createService("web", v1, 2, { deploymentCircuitBreaker: { enable: true, rollback: true } });
    await fx.advance(120);
    await fx.update("web", { taskDefinition: v2 });
    await fx.advance(300);
    expect(primaryOf(await fx.describe("web"))).toMatchObject({ taskDefinition: v2, rolloutState: "COMPLETED" });
    await storageClass("ARCHIVE");
  });
  afterEach(() => fx.close());

  it("fails to pull, trips the circuit breaker and rolls back", async () => {
    const rollbackId = primaryOf(await fx.update("web", { taskDefinition: v1 }))?.id ?? "";
    await fx.advance(15);
    const failed = (await fx.tasks("web", "STOPPED")).filter((task) => task.startedBy === rollbackId);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed[0]).toMatchObject({
      stopCode: "TaskFailedToStart",
      stoppedReason: `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${older.uri}: ${older.uri}: not found`,
    });
    await fx.advance(120);
    const service = await fx.describe("web");
    expect(service.taskDefinition).toBe(v2);
    expect(service.deployments).toHaveLength(1);
    const list = await fx.ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: "web" }));
    expect(list.serviceDeployments?.[0]?.status).toBe("ROLLBACK_SUCCESSFUL");
  });

  it("fails later launches of a deployment that started before the image was archived", async () => {
    await storageClass("STANDARD");
    await fx.advance(20 * 60);
    await fx.update("web", { taskDefinition: v1 });
    await fx.advance(300);
    expect(primaryOf(await fx.describe("web"))).toMatchObject({ taskDefinition: v1, rolloutState: "COMPLETED", runningCount: 2 });
    await storageClass("ARCHIVE");

    await fx.update("web", { desiredCount: 3 });
    await fx.advance(10);
    const [failed] = (await fx.tasks("web", "STOPPED")).filter((task) => task.stopCode === "TaskFailedToStart");
    expect(failed?.stoppedReason).toContain(`CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${older.uri}`);
    expect(failed?.containers?.[0]?.imageDigest).toBeUndefined();
    expect((await fx.describe("web")).runningCount).toBe(2);
  });

  it("still fails while the image is ACTIVATING, and succeeds once it is ACTIVE again", async () => {
    await storageClass("STANDARD");
    await fx.advance(60);
    const whileActivating = primaryOf(await fx.update("web", { taskDefinition: v1 }))?.id ?? "";
    await fx.advance(135);
    expect((await fx.tasks("web", "STOPPED")).some((task) => task.startedBy === whileActivating && task.stopCode === "TaskFailedToStart")).toBe(true);
    expect((await fx.describe("web")).taskDefinition).toBe(v2);

    await fx.advance(20 * 60);
    await fx.update("web", { taskDefinition: v1 });
    await fx.advance(300);
    expect(primaryOf(await fx.describe("web"))).toMatchObject({ taskDefinition: v1, rolloutState: "COMPLETED", runningCount: 2 });
  });
});
