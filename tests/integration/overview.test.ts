// getOverview against the demo scenario: content, coalescing, warm cache and partial failures.
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { invalidateService, resetAwsCaches } from "@/lib/aws";
import { getOverview } from "@/lib/queries/overview";
import type { Overview, ServiceRow } from "@/lib/queries/types";
import { MY_API_CRASHING_SHA, PAYMENTS_CRITICAL_SHA } from "../../sandbox/seed/demo-facts";
import { callsByOperation, demoConfig, sandboxEnvironment, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });
const config = demoConfig();

function row(overview: Overview, cluster: string, service: string): ServiceRow {
  const found = overview.environments[0]?.clusters.find((c) => c.name === cluster)?.services.find((s) => s.name === service);
  if (!found) throw new Error(`no row for ${cluster}/${service}`);
  return found;
}

async function deployedSha(cluster: string, service: string): Promise<string | undefined> {
  const described = await sandbox.ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  const taskDefinition = described.services?.[0]?.taskDefinition;
  const td = await sandbox.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
  return /:prod-([0-9a-f]{40})$/.exec(td.taskDefinition?.containerDefinitions?.[0]?.image ?? "")?.[1];
}

describe("getOverview on the demo scenario", () => {
  it("lists both clusters and every demo service", async () => {
    const overview = await getOverview({ config });
    const clusters = overview.environments[0]?.clusters ?? [];
    expect(clusters.map((c) => c.name)).toEqual(["production", "staging"]);
    expect(clusters[0]?.services.map((s) => s.name)).toEqual(["my-api", "notifications", "payments", "web", "worker"]);
    expect(clusters.every((c) => c.error === undefined)).toBe(true);
    expect(overview.stale).toBe(false);
  });

  it("shows my-api's prod SHA (the rolled-back-to one, not the crashing image) and its running digests", async () => {
    const overview = await getOverview({ config });
    const myApi = row(overview, "production", "my-api");
    const app = myApi.containers.find((c) => c.container === "app");
    expect(app?.commit?.sha).toBe(await deployedSha("production", "my-api"));
    expect(app?.commit?.sha).not.toBe(MY_API_CRASHING_SHA);
    expect(app?.commit?.url).toBe(`https://github.com/example/my-api/commit/${app?.commit?.sha}`);
    expect(app?.runningDigests).toHaveLength(1);
    expect(myApi.containers.map((c) => c.container)).toEqual(["app", "log-router"]);
    expect(myApi.rollout.kind).toBe("rolled-back");
    expect(myApi.revision.label).toMatch(/^my-api:\d+$/);
  });

  it("shows the payments image with the CRITICAL finding in production", async () => {
    const payments = row(await getOverview({ config }), "production", "payments");
    expect(payments.containers[0]?.commit?.sha).toBe(PAYMENTS_CRITICAL_SHA);
    expect(payments.runningCount).toBe(payments.desiredCount);
    // The running image's scan summary comes along, so the overview can flag it.
    expect(payments.containers[0]?.runningScan?.status).toBe("COMPLETE");
    expect(payments.containers[0]?.runningScan?.severityCounts?.CRITICAL).toBeGreaterThan(0);
  });

  it("has no scan summary for a repository under enhanced scanning (DescribeImages carries none there)", async () => {
    const notifications = row(await getOverview({ config }), "production", "notifications");
    expect(notifications.containers[0]?.runningDigests.length).toBeGreaterThan(0);
    expect(notifications.containers[0]?.runningScan?.severityCounts).toBeUndefined();
  });
});

describe("caching and coalescing", () => {
  it("costs AWS the same calls for 50 concurrent overviews as for one", async () => {
    await getOverview({ config });
    const one = callsByOperation(await sandbox.control.counters());
    expect(one.DescribeServices).toBeGreaterThan(0);

    resetAwsCaches();
    await sandbox.control.resetCounters();
    const results = await Promise.all(Array.from({ length: 50 }, () => getOverview({ config })));
    expect(callsByOperation(await sandbox.control.counters())).toEqual(one);
    expect(new Set(results.map((r) => JSON.stringify(r.environments))).size).toBe(1);
  });

  it("answers a warm overview without any AWS call", async () => {
    await getOverview({ config });
    await sandbox.control.resetCounters();
    const warm = await getOverview({ config });
    expect((await sandbox.control.counters()).total.calls).toBe(0);
    expect(warm.stale).toBe(false);
  });

  it("re-reads only the invalidated service's cluster after invalidateService", async () => {
    await getOverview({ config });
    await sandbox.control.resetCounters();
    invalidateService("sandbox", "staging", "web");
    await getOverview({ config });
    // staging's listing, describe (4 services: one batch) and tasks; nothing for production.
    expect(callsByOperation(await sandbox.control.counters())).toMatchObject({ ListServices: 1, DescribeServices: 1, ListTasks: 1 });
  });

  it("serves the cached view while one refresh runs once the TTL has passed, without crying stale", async () => {
    const shortTtl = demoConfig({ mutableTtlMs: 200 });
    const first = await getOverview({ config: shortTtl });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const served = await getOverview({ config: shortTtl });
    expect(served.asOf).toEqual(first.asOf);
    // One refresh round late is the normal rhythm of stale-while-revalidate, not news.
    expect(served.stale).toBe(false);
  });

  it("marks the view stale once refreshes have been failing for several TTLs", async () => {
    const shortTtl = demoConfig({ mutableTtlMs: 200 });
    const first = await getOverview({ config: shortTtl });
    await sandbox.control.setFaults({ rules: { "*": { errorRate: 1 } } });
    await new Promise((resolve) => setTimeout(resolve, 650));
    const stale = await getOverview({ config: shortTtl });
    expect(stale.stale).toBe(true);
    expect(stale.asOf).toEqual(first.asOf);
  });
});

describe("partial failures", () => {
  it("reports a configured cluster that does not exist inline and renders the others", async () => {
    const partial = demoConfig({ environments: [sandboxEnvironment({ clusters: ["production", "does-not-exist"] })] });
    const overview = await getOverview({ config: partial });
    const [production, missing] = overview.environments[0]?.clusters ?? [];
    expect(production?.services.length).toBe(5);
    expect(missing?.error?.kind).toBe("not-found");
    expect(missing?.services).toEqual([]);
  });

  it("reports an environment whose ListClusters fails and renders the environment that names its clusters", async () => {
    await sandbox.control.setFaults({ rules: { ListClusters: { errorRate: 1 } } });
    const twoEnvs = demoConfig({
      environments: [sandboxEnvironment({ id: "all-clusters" }), sandboxEnvironment({ id: "listed", clusters: ["staging"] })],
    });
    const overview = await getOverview({ config: twoEnvs });
    const [all, listed] = overview.environments;
    expect(all?.error?.kind).toBe("unknown");
    expect(all?.error?.message).toContain("ServerException");
    expect(listed?.error).toBeUndefined();
    expect(listed?.clusters[0]?.services.length).toBe(4);
  });

  it("surfaces throttling that outlasts the SDK's retries as kind 'throttled'", async () => {
    await sandbox.control.setFaults({ rules: { ListServices: { throttle: { ratePerSecond: 0.001, burst: 1 } } } });
    const staging = demoConfig({ environments: [sandboxEnvironment({ clusters: ["production", "staging"] })] });
    const overview = await getOverview({ config: staging });
    const errors = overview.environments[0]?.clusters.map((c) => c.error?.kind);
    // One cluster got the bucket's only token; the other was throttled on every attempt.
    expect(errors?.filter((k) => k === "throttled")).toHaveLength(1);
    expect(errors?.filter((k) => k === undefined)).toHaveLength(1);
    const counters = await sandbox.control.counters();
    expect(counters.operations.ListServices?.throttled).toBe(3);
  });
});
