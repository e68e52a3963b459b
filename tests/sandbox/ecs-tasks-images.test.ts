// Tasks and images: tags pinned to digests at deployment start, unpullable images, ListTasks filters,
// DescribeTasks limits and the one-hour retention of stopped tasks (aws-behaviour.md §2.2, §2.4).
import { DescribeTasksCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLUSTER, EcsFixture, primaryOf, REGISTRY } from "./ecs-fixtures";

describe("tasks and image digests", () => {
  let fx: EcsFixture;
  beforeEach(async () => {
    fx = await EcsFixture.start();
  });
  afterEach(() => fx.close());

  it("pins a tag to the digest resolved at deployment start; a new push changes nothing until a new deployment", async () => {
    await fx.createRepository("web");
    const first = await fx.push("web");
    const latest = await fx.register("web", `${REGISTRY}/web:latest`);
    await fx.createService("web", latest, 2);
    await fx.advance(60);
    const before = await fx.tasks("web");
    expect(before.map((t) => t.containers?.[0]?.imageDigest)).toEqual([first.digest, first.digest]);
    expect(before[0]?.containers?.[0]?.image).toBe(`${REGISTRY}/web:latest`);

    const second = await fx.push("web");
    await fx.advance(60);
    const service = await fx.describe("web");
    expect(service.deployments).toHaveLength(1);
    expect((await fx.tasks("web")).map((t) => t.containers?.[0]?.imageDigest)).toEqual([first.digest, first.digest]);

    // Scaling out the same deployment keeps its pinned digest too.
    await fx.update("web", { desiredCount: 3 });
    await fx.advance(60);
    expect(new Set((await fx.tasks("web")).map((t) => t.containers?.[0]?.imageDigest))).toEqual(new Set([first.digest]));

    await fx.update("web", { forceNewDeployment: true });
    await fx.advance(120);
    expect(new Set((await fx.tasks("web")).map((t) => t.containers?.[0]?.imageDigest))).toEqual(new Set([second.digest]));
  });

  it("fails tasks of an image that does not exist with CannotPullContainerError", async () => {
    await fx.createRepository("web");
    const missing = `${REGISTRY}/web:prod-${"0".repeat(40)}`;
    await fx.createService("web", await fx.register("web", missing), 1, { deploymentCircuitBreaker: { enable: true, rollback: true } });
    await fx.advance(30);
    const [task] = await fx.tasks("web", "STOPPED");
    expect(task).toMatchObject({ stopCode: "TaskFailedToStart", lastStatus: "STOPPED" });
    expect(task?.stoppedReason).toMatch(/^CannotPullContainerError: .*web:prod-0{40}.*not found$/);
    expect(task?.containers?.[0]?.imageDigest).toBeUndefined();
    // Nothing ever completed, so the breaker fails the first deployment and has nothing to roll back to.
    expect(primaryOf(await fx.describe("web"))).toMatchObject({ rolloutState: "FAILED", failedTasks: 3 });
  });

  it("lists and describes tasks with filters, limits and MISSING failures", async () => {
    const v1 = await fx.register("api", "public.ecr.aws/nginx/nginx:1.27");
    await fx.createService("api", v1, 2);
    await fx.createService("worker", await fx.register("worker", "public.ecr.aws/nginx/nginx:1.27"), 1);
    await fx.advance(60);
    const list = (input: object) => fx.ecs.send(new ListTasksCommand({ cluster: CLUSTER, ...input }));

    expect((await list({})).taskArns).toHaveLength(3);
    expect((await list({ serviceName: "api" })).taskArns).toHaveLength(2);
    expect((await list({ family: "worker" })).taskArns).toHaveLength(1);
    expect((await list({ startedBy: primaryOf(await fx.describe("api"))?.id })).taskArns).toHaveLength(2);
    expect((await list({ desiredStatus: "STOPPED" })).taskArns).toEqual([]);
    const page = await list({ maxResults: 2 });
    expect(page.taskArns).toHaveLength(2);
    expect((await list({ maxResults: 2, nextToken: page.nextToken })).taskArns).toHaveLength(1);
    await expect(list({ serviceName: "nope" })).rejects.toMatchObject({ name: "ServiceNotFoundException", message: "Service not found." });
    await expect(list({ cluster: "nope" })).rejects.toMatchObject({ name: "ClusterNotFoundException", message: "Cluster not found." });

    const arns = (await list({ serviceName: "api" })).taskArns ?? [];
    expect(arns[0]).toMatch(/^arn:aws:ecs:ap-south-1:123456789012:task\/production\/[0-9a-f]{32}$/);
    const id = arns[0]?.split("/").pop() ?? "";
    const described = await fx.ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [id, "0".repeat(32)] }));
    expect(described.tasks?.[0]).toMatchObject({
      taskArn: arns[0],
      lastStatus: "RUNNING",
      desiredStatus: "RUNNING",
      healthStatus: "UNKNOWN",
      group: "service:api",
      taskDefinitionArn: v1,
      launchType: "FARGATE",
    });
    expect(described.failures).toEqual([{ arn: `arn:aws:ecs:ap-south-1:123456789012:task/production/${"0".repeat(32)}`, reason: "MISSING" }]);
    await expect(fx.ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: Array.from({ length: 101 }, (_, i) => `t${i}`) }))).rejects.toMatchObject({
      name: "InvalidParameterException",
    });
  });

  it("keeps stopped tasks describable for an hour", async () => {
    await fx.createService("api", await fx.register("api", "public.ecr.aws/nginx/nginx:1.27"), 1);
    await fx.advance(60);
    const [running] = await fx.tasks("api");
    await fx.update("api", { desiredCount: 0 });
    await fx.advance(30);
    const describe = async () => fx.ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [running?.taskArn ?? ""] }));
    expect((await describe()).tasks?.[0]).toMatchObject({ lastStatus: "STOPPED", desiredStatus: "STOPPED", stopCode: "ServiceSchedulerInitiated" });
    expect(await fx.tasks("api", "STOPPED")).toHaveLength(1);
    await fx.advance(59 * 60);
    expect((await describe()).tasks).toHaveLength(1);
    await fx.advance(2 * 60);
    expect((await describe()).failures?.[0]?.reason).toBe("MISSING");
  });
});
