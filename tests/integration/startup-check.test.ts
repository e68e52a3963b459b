// The start-up access check: one cheap read per environment from ECS and ECR, reported as log lines,
// never through the caches.
import { describe, expect, it } from "vitest";
import { checkAwsAccess, describeAccessChecks } from "@/lib/aws";
import { callsOf, demoConfig, sandboxEnvironment, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });

describe("checkAwsAccess", () => {
  it("reports ECS and ECR reachable, with one call each per environment", async () => {
    const config = demoConfig({ environments: [sandboxEnvironment(), sandboxEnvironment({ id: "second" })] });
    const checks = await checkAwsAccess(config);
    expect(checks.map((c) => [c.envId, c.service, c.error])).toEqual([
      ["sandbox", "ecs", undefined],
      ["sandbox", "ecr", undefined],
      ["second", "ecs", undefined],
      ["second", "ecr", undefined],
    ]);
    expect(describeAccessChecks(checks)).toEqual([
      'Steady State: environment "sandbox": ECS and ECR reachable',
      'Steady State: environment "second": ECS and ECR reachable',
    ]);
    const counters = await sandbox.control.counters();
    expect([callsOf(counters, "ListClusters"), callsOf(counters, "DescribeRepositories")]).toEqual([2, 2]);
  });

  it("says what failed and what to do when a service cannot be read", async () => {
    await sandbox.control.setFaults({ rules: { ListClusters: { throttle: { ratePerSecond: 0.001, burst: 1 } } } });
    await sandbox.control.resetCounters();
    const config = demoConfig();
    await checkAwsAccess(config); // spends the single token
    const [ecs, ecr] = await checkAwsAccess(config);
    expect(ecs?.error?.kind).toBe("throttled");
    expect(ecr?.error).toBeUndefined();
    expect(describeAccessChecks([ecs!, ecr!])[0]).toMatch(/^Steady State: environment "sandbox": cannot read ECS: AWS throttled us/);
  });
});
