// StopServiceDeployment, ECS's own 1-click rollback (aws-behaviour.md §8.2), through the real SDK:
// ROLLBACK_REQUESTED → ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL back to the source revision, whether or
// not the service configured rollback; ROLLBACK_FAILED when the source cannot start either; the errors.
import { ListServiceDeploymentsCommand, StopServiceDeploymentCommand } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activeOf, CLUSTER, EcsFixture, messages, primaryOf, stableService } from "./ecs-fixtures";

let fx: EcsFixture;
beforeEach(async () => {
  fx = await EcsFixture.start();
});
afterEach(() => fx.close());

const stop = (arn: string | undefined, stopType?: "ROLLBACK" | "ABORT") =>
  fx.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType }));

describe("StopServiceDeployment", () => {
  it("rolls an in-progress rolling deployment back to its source revision, without rollback configured", async () => {
    const { v1, v2 } = await stableService(fx, "web", 2);
    const oldId = primaryOf(await fx.describe("web"))?.id ?? "";
    const newId = primaryOf(await fx.update("web", { taskDefinition: v2 }))?.id ?? "";
    await fx.advance(10);
    const running = await fx.newestDeployment("web");
    expect(running).toMatchObject({ status: "IN_PROGRESS", targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: 2 } });

    expect((await stop(running.serviceDeploymentArn)).serviceDeploymentArn).toBe(running.serviceDeploymentArn);
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "ROLLBACK_REQUESTED", statusReason: "Rollback requested by StopServiceDeployment." });
    // Asking again while the rollback is requested is accepted and changes nothing.
    await stop(running.serviceDeploymentArn, "ROLLBACK");

    await fx.advance(2);
    const rolling = await fx.newestDeployment("web");
    expect(rolling).toMatchObject({
      status: "ROLLBACK_IN_PROGRESS",
      rollback: { reason: `ECS deployment stopped: rolling back to deploymentId ${oldId}.`, serviceRevisionArn: expect.stringMatching(new RegExp(`/${oldId.slice(8)}$`)) },
    });
    const service = await fx.describe("web");
    expect(service.taskDefinition).toBe(v1);
    expect(primaryOf(service)).toMatchObject({ id: oldId, rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment stopped: rolling back to deploymentId ${oldId}.` });
    expect(activeOf(service)).toMatchObject([{ id: newId, rolloutState: "FAILED", rolloutStateReason: `ECS deployment ${newId} stopped by StopServiceDeployment.` }]);
    expect(messages(service).slice(0, 2)).toContain(`(service web) rolling back to deployment ${oldId}.`);

    await fx.advance(60);
    const done = await fx.newestDeployment("web");
    expect(done).toMatchObject({ status: "ROLLBACK_SUCCESSFUL", targetServiceRevision: { runningTaskCount: 0, requestedTaskCount: 0 } });
    expect(done.finishedAt?.getTime()).toBeGreaterThan(done.rollback?.startedAt?.getTime() ?? Infinity);
    const after = await fx.describe("web");
    expect(after.deployments).toHaveLength(1);
    expect(primaryOf(after)).toMatchObject({ id: oldId, rolloutState: "COMPLETED", runningCount: 2 });
    expect(after.taskDefinition).toBe(v1);
  });

  it("refuses a finished deployment, ABORT and an unknown ARN with the documented codes", async () => {
    await stableService(fx, "web", 1);
    const finished = await fx.newestDeployment("web");
    expect(finished.status).toBe("SUCCESSFUL");
    await expect(stop(finished.serviceDeploymentArn)).rejects.toMatchObject({
      name: "ConflictException",
      message: "The service deployment is SUCCESSFUL and can no longer be stopped.",
    });
    await expect(stop(finished.serviceDeploymentArn, "ABORT")).rejects.toMatchObject({
      name: "InvalidParameterException",
      message: "stopType ABORT is not supported. The valid value is ROLLBACK.",
    });
    await expect(stop(`${finished.serviceDeploymentArn}x`)).rejects.toMatchObject({ name: "ServiceDeploymentNotFoundException" });
    await expect(stop(undefined)).rejects.toMatchObject({ name: "InvalidParameterException" });
  });

  it("ends ROLLBACK_FAILED when the source revision cannot start either", async () => {
    await fx.createRepository("web");
    const good = await fx.push("web");
    const v1 = await fx.register("web", good.uri);
    const v2 = await fx.register("web", (await fx.push("web")).uri);
    // min 0 % lets the new deployment stop every old task at once, so a rollback must start new ones.
    await fx.createService("web", v1, 2, { minimumHealthyPercent: 0, maximumPercent: 100 });
    await fx.advance(120);
    await fx.sandbox.control.markCrashing({ repository: "web", image: good.digest, crashing: true });
    await fx.update("web", { taskDefinition: v2 });
    await fx.advance(5);
    await stop((await fx.newestDeployment("web")).serviceDeploymentArn);
    await fx.advance(60);

    const failed = await fx.newestDeployment("web");
    expect(failed).toMatchObject({ status: "ROLLBACK_FAILED", statusReason: "Rollback requested by StopServiceDeployment." });
    const service = await fx.describe("web");
    expect(primaryOf(service)).toMatchObject({ rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.", runningCount: 0 });
    expect(service.taskDefinition).toBe(v1);
  });

  it("supersedes an in-progress deployment as STOP_REQUESTED, then STOPPED once drained", async () => {
    const { v1, v2 } = await stableService(fx, "web", 2);
    await fx.update("web", { taskDefinition: v2 });
    await fx.advance(10);
    await fx.update("web", { taskDefinition: v1 });
    const list = async () =>
      (await fx.ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: "web" }))).serviceDeployments?.map((d) => d.status);
    expect(await list()).toEqual(["IN_PROGRESS", "STOP_REQUESTED", "SUCCESSFUL"]);
    await fx.advance(120);
    expect(await list()).toEqual(["SUCCESSFUL", "STOPPED", "SUCCESSFUL"]);
  });
});
