// The fresh-read adapters against the sandbox with the real SDK: they bypass the shared cache (a
// change made by CI shows at once), share identical calls in flight, batch service deployments 20
// to a call, and map every §8.1 field.
import { UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import {
  awsRuntime,
  describeImageFresh,
  describeService,
  describeServiceDeployments,
  describeServiceFresh,
  envScope,
  listServiceDeploymentsFresh,
  type EnvScope,
} from "@/lib/aws";
import { NotFoundError } from "@/lib/errors";
import { MY_API_CRASHING_TAG, PAYMENTS_CRITICAL_TAG } from "../../sandbox/seed/demo-facts";
import { callsOf, demoConfig, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });

function scope(): EnvScope {
  const config = demoConfig();
  const env = config.environments[0];
  if (!env) throw new Error("the demo configuration has no environment");
  return envScope(awsRuntime(config), env);
}

const sdArn = (id: string) => `arn:aws:ecs:ap-south-1:123456789012:service-deployment/production/my-api/${id}`;

describe("describeServiceFresh", () => {
  it("sees a deployment CI just started while the shared cache still serves the old service", async () => {
    const s = scope();
    const cached = await describeService(s, "staging", "web");
    await sandbox.ecs.send(new UpdateServiceCommand({ cluster: "staging", service: "web", forceNewDeployment: true }));
    const fresh = await describeServiceFresh(s, "staging", "web");
    expect((await describeService(s, "staging", "web"))?.deployments).toEqual(cached?.deployments);
    expect(fresh?.deployments).toHaveLength((cached?.deployments.length ?? 0) + 1);
    expect(fresh?.deployments.find((d) => d.status === "PRIMARY")).toMatchObject({ rolloutState: "IN_PROGRESS", rolloutStateReason: expect.stringMatching(/in progress/) });
    expect(fresh?.deploymentSettings).toMatchObject({ circuitBreaker: { enable: true, rollback: true }, minimumHealthyPercent: expect.any(Number) });
    expect(fresh?.events.length).toBeGreaterThan(0);
  });

  it("shares one DescribeServices among identical calls in flight", async () => {
    const s = scope();
    await Promise.all([1, 2, 3].map(() => describeServiceFresh(s, "production", "payments")));
    expect(callsOf(await sandbox.control.counters(), "DescribeServices")).toBe(1);
  });

  it.each([
    ["production", "nope", undefined],
    ["nowhere", "web", NotFoundError],
  ])("%s/%s → %o", async (cluster, service, error) => {
    const result = describeServiceFresh(scope(), cluster, service);
    if (error) await expect(result).rejects.toBeInstanceOf(error);
    else await expect(result).resolves.toBeUndefined();
  });
});

describe("describeImageFresh", () => {
  it("finds an image by tag and by digest with its storage status and scan counts", async () => {
    const s = scope();
    const byTag = await describeImageFresh(s, "payments", { tag: PAYMENTS_CRITICAL_TAG });
    expect(byTag).toMatchObject({ repositoryName: "payments", status: "ACTIVE", scan: { status: "COMPLETE" } });
    expect(byTag?.tags).toContain(PAYMENTS_CRITICAL_TAG);
    expect(byTag?.scan?.severityCounts?.CRITICAL).toBeGreaterThanOrEqual(1);
    expect(await describeImageFresh(s, "payments", { digest: byTag?.digest ?? "" })).toEqual(byTag);
  });

  it.each([
    ["my-api", { tag: "prod-0000000000000000000000000000000000000000" }],
    ["my-api", { digest: `sha256:${"0".repeat(64)}` }],
    ["payments", { tag: MY_API_CRASHING_TAG }],
  ])("%s %j → absent", async (repository, id) => {
    expect(await describeImageFresh(scope(), repository, id)).toBeUndefined();
  });

  it("answers NotFoundError(repository) for an unknown repository", async () => {
    await expect(describeImageFresh(scope(), "nope", { tag: "latest" })).rejects.toMatchObject({ what: "repository", resource: "nope" });
  });
});

describe("listServiceDeploymentsFresh and describeServiceDeployments", () => {
  it("maps the circuit-breaker rollback with every §8.1 field", async () => {
    const s = scope();
    const briefs = await listServiceDeploymentsFresh(s, { cluster: "production", service: "my-api" });
    const { deployments, failures } = await describeServiceDeployments(s, briefs.map((b) => b.arn));
    expect(failures).toEqual([]);
    expect(deployments.map((d) => d.arn).sort()).toEqual(briefs.map((b) => b.arn).sort());
    const rolledBack = deployments.find((d) => d.arn === briefs[0]?.arn);
    expect(rolledBack).toMatchObject({
      status: "ROLLBACK_SUCCESSFUL",
      statusReason: expect.any(String),
      createdAt: expect.any(Date),
      startedAt: expect.any(Date),
      finishedAt: expect.any(Date),
      targetRevision: { arn: expect.stringContaining(":service-revision/production/my-api/"), requestedTaskCount: expect.any(Number) },
      rollback: { reason: expect.stringMatching(/circuit breaker/), startedAt: expect.any(Date), serviceRevisionArn: expect.any(String) },
      circuitBreaker: { status: "TRIGGERED", failureCount: expect.any(Number), threshold: expect.any(Number) },
      deploymentSettings: { circuitBreaker: { enable: true, rollback: true } },
    });
    expect(rolledBack?.sourceRevisions.length).toBeGreaterThan(0);
  });

  it("filters by status and creation time", async () => {
    const s = scope();
    const all = await listServiceDeploymentsFresh(s, { cluster: "production", service: "my-api" });
    const successful = await listServiceDeploymentsFresh(s, { cluster: "production", service: "my-api", status: ["SUCCESSFUL"] });
    expect(successful.length).toBeGreaterThan(0);
    expect(successful.every((d) => d.status === "SUCCESSFUL")).toBe(true);
    const newest = all[0]?.createdAt ?? new Date(0);
    const recent = await listServiceDeploymentsFresh(s, { cluster: "production", service: "my-api", createdAfter: new Date(newest.getTime() - 1_000) });
    expect(recent.map((d) => d.arn)).toEqual([all[0]?.arn]);
  });

  it("asks for at most 20 ARNs a call and reports the ones ECS does not know", async () => {
    const s = scope();
    const [known] = await listServiceDeploymentsFresh(s, { cluster: "production", service: "my-api" });
    const unknown = Array.from({ length: 24 }, (_, i) => sdArn(`missing-${i}`));
    await sandbox.control.resetCounters();
    const { deployments, failures } = await describeServiceDeployments(s, [known?.arn ?? "", ...unknown]);
    expect(callsOf(await sandbox.control.counters(), "DescribeServiceDeployments")).toBe(2);
    expect(deployments.map((d) => d.arn)).toEqual([known?.arn]);
    expect(failures.map((f) => f.arn).sort()).toEqual([...unknown].sort());
    expect(failures.every((f) => f.reason === "MISSING")).toBe(true);
  });
});
