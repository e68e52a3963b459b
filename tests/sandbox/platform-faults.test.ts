// Injected faults seen through the real SDK: latency, throttling with its retries, 500s and dropped
// connections, and the per-operation counters that record them.
import { ListClustersCommand, ECSClient, DescribeClustersCommand } from "@aws-sdk/client-ecs";
import { DescribeRepositoriesCommand } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, TEST_CREDENTIALS, TEST_REGION, type TestSandbox } from "../support/sandbox";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await sandbox.control.clearFaults();
  await sandbox.control.resetCounters();
});

const client = (maxAttempts: number) =>
  new ECSClient({ endpoint: sandbox.endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS, maxAttempts });

describe("latency", () => {
  it("delays only the operations its rule names", async () => {
    // A wide margin between the two: on a loaded 2-core machine an undelayed call can take a few hundred ms.
    await sandbox.control.setFaults({ rules: { ListClusters: { latencyMs: 1200 } } });
    let started = performance.now();
    await sandbox.ecs.send(new ListClustersCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(1190);
    started = performance.now();
    await sandbox.ecr.send(new DescribeRepositoriesCommand({}));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("adds seeded jitter on top of the fixed latency", async () => {
    await sandbox.control.setFaults({ seed: 1, rules: { "*": { latencyMs: 50, jitterMs: 100 } } });
    const started = performance.now();
    await sandbox.ecs.send(new ListClustersCommand({}));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(49);
    expect(elapsed).toBeLessThan(400);
  });
});

describe("throttling", () => {
  it("allows the burst, then answers ThrottlingException; the SDK retries 3 times and throws it", async () => {
    await sandbox.control.setFaults({ rules: { ListClusters: { throttle: { ratePerSecond: 0.01, burst: 2 } } } });
    await sandbox.ecs.send(new ListClustersCommand({}));
    await sandbox.ecs.send(new ListClustersCommand({}));
    const error = await sandbox.ecs.send(new ListClustersCommand({})).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ThrottlingException", message: "Rate exceeded", $metadata: { httpStatusCode: 400, attempts: 3 } });
    const counters = await sandbox.control.counters();
    expect(counters.operations.ListClusters).toMatchObject({ calls: 5, throttled: 3 });
  });

  it('"aws" shares one bucket across an ECS group (DescribeClusters + ListClusters: 50 burst)', async () => {
    await sandbox.control.setFaults({ rules: { "*": { throttle: "aws" } } });
    const once = client(1);
    // 50 of each: separate buckets (50 burst each) would let every call through however fast they go.
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 ? once.send(new ListClustersCommand({})) : once.send(new DescribeClustersCommand({ clusters: ["default"] })),
      ),
    );
    const elapsedSeconds = (performance.now() - started) / 1000;
    const throttled = results.filter((result) => result.status === "rejected" && (result.reason as Error).name === "ThrottlingException");
    const allowed = results.length - throttled.length;
    // One shared bucket lets through the 50 burst plus what refilled at 20/s while the calls were in
    // flight: bounded by the time they took, so a slow (loaded) machine cannot fail this.
    expect(allowed).toBeGreaterThanOrEqual(50);
    expect(allowed).toBeLessThanOrEqual(50 + Math.ceil(20 * elapsedSeconds) + 1);
    once.destroy();
  });
});

describe("server errors and dropped connections", () => {
  it("answers a 500 ServerException that the SDK retries before throwing", async () => {
    await sandbox.control.setFaults({ rules: { ListClusters: { errorRate: 1 } } });
    const error = await sandbox.ecs.send(new ListClustersCommand({})).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ServerException", $metadata: { httpStatusCode: 500, attempts: 3 } });
    expect((await sandbox.control.counters()).operations.ListClusters).toMatchObject({ calls: 3, injectedErrors: 3 });
  });

  it("destroys the connection without an answer, and the server stays up", async () => {
    await sandbox.control.setFaults({ rules: { ListClusters: { dropRate: 1 } } });
    const once = client(1);
    const error = (await once.send(new ListClustersCommand({})).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.name).not.toBe("ServerException");
    expect((await sandbox.control.counters()).operations.ListClusters).toMatchObject({ calls: 1, dropped: 1 });
    once.destroy();

    await sandbox.control.clearFaults();
    await expect(sandbox.ecs.send(new ListClustersCommand({}))).resolves.toHaveProperty("clusterArns");
  });

  it("makes the same decisions for the same seed", async () => {
    const outcomes = async () => {
      await sandbox.control.setFaults({ seed: 99, rules: { ListClusters: { errorRate: 0.5 } } });
      const once = client(1);
      const results = [];
      for (let i = 0; i < 12; i += 1) results.push(await once.send(new ListClustersCommand({})).then(() => "ok", () => "error"));
      once.destroy();
      return results;
    };
    const first = await outcomes();
    expect(first).toContain("ok");
    expect(first).toContain("error");
    expect(await outcomes()).toEqual(first);
  });
});

describe("counters", () => {
  it("count every call per operation, including the ones that failed in the model", async () => {
    await sandbox.ecs.send(new ListClustersCommand({}));
    await sandbox.ecs.send(new ListClustersCommand({}));
    await sandbox.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ["missing"] })).catch(() => undefined);
    const counters = await sandbox.control.counters();
    expect(counters.operations.ListClusters).toEqual({ calls: 2, throttled: 0, injectedErrors: 0, dropped: 0, errors: 0 });
    expect(counters.operations.DescribeRepositories).toMatchObject({ calls: 1, errors: 1 });
    expect(counters.total.calls).toBe(3);
    expect((await sandbox.control.resetCounters()).total.calls).toBe(0);
  });
});
