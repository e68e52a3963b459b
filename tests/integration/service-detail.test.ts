// getServiceDetail on the demo's my-api: deployments, tasks and digests, revision history against
// ECR, ECS deployment history, the warm cache and not-found answers.
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { getServiceDetail } from "@/lib/queries/service-detail";
import { MY_API_CRASHING_SHA } from "../../sandbox/seed/demo-facts";
import { callsOf, demoConfig, sandboxEnvironment, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });
const config = demoConfig();

describe("getServiceDetail(my-api)", () => {
  it("shows the PRIMARY deployment, running tasks with one digest per container and no drift", async () => {
    const detail = await getServiceDetail("sandbox", "production", "my-api", { config });
    expect(detail.deployments).toHaveLength(1);
    expect(detail.deployments[0]?.isPrimary).toBe(true);
    expect(detail.tasks).toHaveLength(detail.service.desiredCount);
    expect(detail.tasks.every((t) => t.task.containers.every((c) => c.imageDigest?.startsWith("sha256:")))).toBe(true);
    expect(detail.drift.drift).toBe(false);
    expect(detail.drift.byContainer.map((c) => c.container).sort()).toEqual(["app", "log-router"]);
    expect(detail.events.length).toBeGreaterThan(0);
    expect(detail.row.rollout.kind).toBe("rolled-back");
  });

  it("lists the revision history newest first with status, SHAs and ECR existence", async () => {
    const detail = await getServiceDetail("sandbox", "production", "my-api", { config });
    const numbers = detail.revisions.map((r) => r.revision);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(detail.revisionsTotal).toBe(detail.revisions.length);
    expect(detail.revisions.filter((r) => r.isCurrent)).toHaveLength(1);
    expect(new Set(detail.revisions.map((r) => r.status))).toEqual(new Set(["ACTIVE", "INACTIVE"]));
    // The crashing image's revision is the newest one; the service was rolled back off it.
    const newest = detail.revisions[0];
    expect(newest?.isCurrent).toBe(false);
    expect(newest?.containers.find((c) => c.container === "app")?.commit?.sha).toBe(MY_API_CRASHING_SHA);
    const apps = detail.revisions.map((r) => r.containers.find((c) => c.container === "app"));
    // The lifecycle policy keeps 10 prod images, so the oldest revisions' images are gone.
    expect(apps.some((c) => c?.imageExists === false)).toBe(true);
    expect(apps.filter((c) => c?.imageExists).every((c) => c?.digest && c.scan?.severityCounts)).toBe(true);
  });

  it("lists ECS service deployments, newest first, including the circuit-breaker rollback", async () => {
    const detail = await getServiceDetail("sandbox", "production", "my-api", { config });
    expect(detail.serviceDeploymentsError).toBeUndefined();
    const records = detail.serviceDeployments.map((d) => d.record);
    expect(records[0]?.status).toBe("ROLLBACK_SUCCESSFUL");
    expect(records[0]?.rollbackReason).toMatch(/circuit breaker/);
    const times = records.map((r) => r.createdAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("makes no DescribeTaskDefinition call when warm, even after the mutable cache expired", async () => {
    const shortTtl = demoConfig({ mutableTtlMs: 1 });
    await getServiceDetail("sandbox", "production", "my-api", { config: shortTtl });
    expect(callsOf(await sandbox.control.counters(), "DescribeTaskDefinition")).toBeGreaterThan(10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await sandbox.control.resetCounters();
    await getServiceDetail("sandbox", "production", "my-api", { config: shortTtl });
    const counters = await sandbox.control.counters();
    expect(callsOf(counters, "DescribeServices")).toBe(1);
    expect(callsOf(counters, "DescribeTaskDefinition")).toBe(0);
  });
});

describe("unknown names", () => {
  it.each([
    ["environment", "nope", "production", "my-api"],
    ["cluster", "sandbox", "nope", "my-api"],
    ["service", "sandbox", "production", "nope"],
  ])("answers NotFoundError(%s)", async (what, env, cluster, service) => {
    const error = await getServiceDetail(env, cluster, service, { config }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).what).toBe(what);
  });

  it("answers NotFoundError(cluster) for a real cluster the environment does not show", async () => {
    const limited = demoConfig({ environments: [sandboxEnvironment({ clusters: ["staging"] })] });
    const error = await getServiceDetail("sandbox", "production", "my-api", { config: limited }).catch((e: unknown) => e);
    expect((error as NotFoundError).what).toBe("cluster");
  });
});
