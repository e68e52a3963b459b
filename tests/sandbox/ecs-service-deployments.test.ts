// ListServiceDeployments and DescribeServiceDeployments (aws-behaviour.md §8.1) through the real SDK:
// the filters and pagination, the 20-ARN limit, every field of a rolling rollout as it moves, and the
// circuit breaker's thresholdConfiguration and resetOnHealthyTask (§8.4).
import {
  DescribeServiceDeploymentsCommand,
  ListServiceDeploymentsCommand,
  type ServiceDeploymentStatus,
} from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLUSTER, EcsFixture, stableService } from "./ecs-fixtures";

let fx: EcsFixture;
beforeEach(async () => {
  fx = await EcsFixture.start();
});
afterEach(() => fx.close());

const list = (input: { status?: ServiceDeploymentStatus[]; createdAt?: { before?: Date; after?: Date }; maxResults?: number; nextToken?: string }) =>
  fx.ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: "web", ...input }));

describe("ListServiceDeployments", () => {
  it("filters by status and createdAt and pages newest first", async () => {
    const { v1, v2 } = await stableService(fx, "web", 1);
    const times: Date[] = [new Date(await fx.sandbox.control.now())];
    for (const td of [v2, v1, v2]) {
      await fx.update("web", { taskDefinition: td });
      times.push(new Date(await fx.sandbox.control.now()));
      await fx.advance(120);
    }
    const all = (await list({})).serviceDeployments ?? [];
    expect(all.map((d) => d.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL"]);
    // stableService created the service 120 s before the first time taken.
    const created = [times[3], times[2], times[1], new Date((times[0]?.getTime() ?? 0) - 120_000)];
    expect(all.map((d) => d.createdAt)).toEqual(created);

    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await list({ maxResults: 3, nextToken });
      pages.push((page.serviceDeployments ?? []).map((d) => d.serviceDeploymentArn ?? ""));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    expect(pages.flat()).toEqual(all.map((d) => d.serviceDeploymentArn));

    const middle = await list({ createdAt: { after: times[1], before: times[2] } });
    expect(middle.serviceDeployments?.map((d) => d.serviceDeploymentArn)).toEqual([all[1]?.serviceDeploymentArn, all[2]?.serviceDeploymentArn]);
    expect((await list({ status: ["ROLLBACK_FAILED", "STOPPED"] })).serviceDeployments).toEqual([]);
    await expect(list({ status: ["DONE" as ServiceDeploymentStatus] })).rejects.toMatchObject({ name: "InvalidParameterException" });
    await expect(list({ maxResults: 101 })).rejects.toMatchObject({ name: "InvalidParameterException" });
  });
});

describe("DescribeServiceDeployments", () => {
  it("takes at most 20 ARNs and reports unknown ones as MISSING", async () => {
    await stableService(fx, "web", 1);
    const arn = (await list({})).serviceDeployments?.[0]?.serviceDeploymentArn ?? "";
    const twenty = [arn, ...Array.from({ length: 19 }, (_, i) => `${arn.slice(0, -1)}${i}`)];
    const out = await fx.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: twenty }));
    expect(out.serviceDeployments).toHaveLength(1);
    expect(out.failures).toHaveLength(19);
    expect(out.failures?.[0]).toEqual({ arn: twenty[1], reason: "MISSING" });
    await expect(fx.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [...twenty, arn] }))).rejects.toMatchObject({
      name: "InvalidParameterException",
    });
  });

  it("reports every field of a rolling rollout, with source and target counts moving as it goes", async () => {
    const { v2 } = await stableService(fx, "web", 2, { deploymentCircuitBreaker: { enable: true, rollback: true } });
    await fx.update("web", { taskDefinition: v2 });
    const snapshots: unknown[] = [];
    for (const seconds of [0, 8, 40, 20]) {
      await fx.advance(seconds);
      const d = await fx.newestDeployment("web");
      snapshots.push({ status: d.status, source: d.sourceServiceRevisions?.[0], target: d.targetServiceRevision, finished: d.finishedAt !== undefined });
    }
    const source = (running: number, pending = 0, requested = running) => expect.objectContaining({ requestedTaskCount: requested, runningTaskCount: running, pendingTaskCount: pending });
    expect(snapshots).toEqual([
      { status: "IN_PROGRESS", source: source(2), target: source(0, 2, 2), finished: false },
      { status: "IN_PROGRESS", source: source(2), target: source(2, 0, 2), finished: false },
      { status: "IN_PROGRESS", source: source(0, 0, 0), target: source(2, 0, 2), finished: false },
      { status: "SUCCESSFUL", source: source(0, 0, 0), target: source(2, 0, 2), finished: true },
    ]);
    const done = await fx.newestDeployment("web");
    expect(done).toMatchObject({
      deploymentCircuitBreaker: { status: "MONITORING_COMPLETE", failureCount: 0, threshold: 3 },
      alarms: { status: "DISABLED", alarmNames: [], triggeredAlarmNames: [] },
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
    });
    expect(done.lifecycleStage).toBeUndefined();
    expect(done.rollback).toBeUndefined();
    expect(done.updatedAt?.getTime()).toBe(done.finishedAt?.getTime());
    expect(done.createdAt?.getTime()).toBe(done.startedAt?.getTime());
  });
});

describe("circuit breaker thresholds", () => {
  it.each([
    [{ type: "COUNT", value: 1 }, 6, 1],
    [{ type: "BOUNDED_PERCENT", value: 50 }, 6, 3],
    [{ type: "BOUNDED_PERCENT", value: 10 }, 6, 3],
    [{ type: "UNBOUNDED_PERCENT", value: 10 }, 6, 1],
    [{ type: "UNBOUNDED_PERCENT", value: 100 }, 6, 6],
  ] as const)("%j with %i tasks trips at %i", async (thresholdConfiguration, desired, threshold) => {
    await fx.createRepository("web");
    const good = await fx.register("web", (await fx.push("web")).uri);
    const bad = await fx.register("web", (await fx.push("web", { crashing: true })).uri);
    await fx.createService("web", good, desired, { deploymentCircuitBreaker: { enable: true, rollback: true, thresholdConfiguration } });
    await fx.advance(120);
    await fx.update("web", { taskDefinition: bad });
    await fx.advance(1);
    expect((await fx.newestDeployment("web")).deploymentCircuitBreaker).toMatchObject({ status: "MONITORING", threshold });
    await fx.advance(300);
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "ROLLBACK_SUCCESSFUL", deploymentCircuitBreaker: { status: "TRIGGERED", threshold } });
  });

  it.each([
    [{ type: "COUNT", value: 0 }, "deploymentCircuitBreaker.thresholdConfiguration.value must be an integer between 1 and 10000 for COUNT."],
    [{ type: "UNBOUNDED_PERCENT", value: 101 }, "deploymentCircuitBreaker.thresholdConfiguration.value must be an integer between 1 and 100 for UNBOUNDED_PERCENT."],
    [{ type: "HALF", value: 1 }, "deploymentCircuitBreaker.thresholdConfiguration.type must be one of COUNT, BOUNDED_PERCENT, UNBOUNDED_PERCENT."],
  ])("refuses thresholdConfiguration %j", async (thresholdConfiguration, message) => {
    const td = await fx.register("web", "public.ecr.aws/nginx/nginx:1.27");
    await expect(
      fx.createService("web", td, 1, { deploymentCircuitBreaker: { enable: true, rollback: true, thresholdConfiguration: thresholdConfiguration as never } }),
    ).rejects.toMatchObject({ name: "InvalidParameterException", message });
  });

  it.each([
    [true, "IN_PROGRESS"],
    [false, "ROLLBACK_SUCCESSFUL"],
  ])("resetOnHealthyTask %s: start failures after a RUNNING task %s count", async (resetOnHealthyTask, status) => {
    await fx.createRepository("web");
    const good = await fx.register("web", (await fx.push("web")).uri);
    const next = await fx.push("web");
    const v2 = await fx.register("web", next.uri);
    await fx.createService("web", good, 1, { deploymentCircuitBreaker: { enable: true, rollback: true, resetOnHealthyTask } });
    await fx.advance(120);
    await fx.update("web", { desiredCount: 4, taskDefinition: v2 });
    // The first new tasks start (RUNNING at 7 s), then the image turns bad: every later start fails.
    await fx.advance(8);
    await fx.sandbox.control.markCrashing({ repository: "web", image: next.digest, crashing: true });
    await fx.update("web", { desiredCount: 8 });
    await fx.advance(120);
    expect((await fx.newestDeployment("web")).status).toBe(status);
  });
});
