// The write adapters against the sandbox with the real SDK: UpdateService changes only the task
// definition and reports the new deployment; a throttled UpdateService is retried into exactly one
// deployment; a refused one surfaces AWS's own message; writes never queue behind reads.
import { UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it } from "vitest";
import {
  awsRuntime,
  describeService,
  describeServiceFresh,
  envScope,
  listFamilyRevisions,
  listServiceDeploymentsFresh,
  resetAwsCaches,
  updateServiceTaskDefinition,
  type EnvScope,
} from "@/lib/aws";
import type { AppConfig } from "@/lib/config";
import { serviceDeploymentParts, taskDefinitionRef } from "@/lib/domain/arn";
import { AwsRejectedError } from "@/lib/errors";
import { demoConfig, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });

function scopeFor(config: AppConfig = demoConfig()): EnvScope {
  const env = config.environments[0];
  if (!env) throw new Error("the demo configuration has no environment");
  return envScope(awsRuntime(config), env);
}

/** The current task definition of a production service and an older revision of its family with `status`. */
async function revisionsOf(scope: EnvScope, service: string, status: "ACTIVE" | "INACTIVE") {
  const current = await describeServiceFresh(scope, "production", service);
  if (!current) throw new Error(`${service} is not in the demo`);
  const family = taskDefinitionRef(current.taskDefinitionArn).family;
  const other = (await listFamilyRevisions(scope, family)).find((r) => r.status === status && r.arn !== current.taskDefinitionArn);
  if (!other) throw new Error(`${family} has no other ${status} revision`);
  return { current, target: other.arn };
}

afterEach(() => {
  delete process.env.AWS_MAX_ATTEMPTS;
});

describe("updateServiceTaskDefinition", () => {
  it("deploys the revision, changes nothing else, reports the PRIMARY id and service-deployment ARN, and drops the cached service", async () => {
    const scope = scopeFor();
    const { current, target } = await revisionsOf(scope, "web", "ACTIVE");
    const cachedBefore = await describeService(scope, "production", "web");
    expect(cachedBefore?.taskDefinitionArn).toBe(current.taskDefinitionArn);

    const update = await updateServiceTaskDefinition(scope, { cluster: "production", service: "web", taskDefinitionArn: target });

    expect(update.deploymentId).toMatch(/^ecs-svc\/\d+$/);
    expect(serviceDeploymentParts(update.serviceDeploymentArn ?? "")).toMatchObject({ cluster: "production", service: "web" });
    const after = await describeServiceFresh(scope, "production", "web");
    const primary = after?.deployments.find((d) => d.status === "PRIMARY");
    expect(primary).toMatchObject({ id: update.deploymentId, taskDefinitionArn: target, rolloutState: "IN_PROGRESS" });
    expect(after?.desiredCount).toBe(current.desiredCount);
    expect(after?.deploymentSettings).toEqual(current.deploymentSettings);
    expect((await describeService(scope, "production", "web"))?.taskDefinitionArn).toBe(target);
    const [newest] = await listServiceDeploymentsFresh(scope, { cluster: "production", service: "web" });
    expect(newest?.arn).toBe(update.serviceDeploymentArn);
  });

  it("retries a throttled UpdateService into exactly one deployment", async () => {
    // The bucket refills one token in 2 s: long enough that the call below surely finds it empty even
    // on a busy machine, and six attempts of the SDK's jittered backoff (about 1, 2, 4, 8 s) outlast it.
    process.env.AWS_MAX_ATTEMPTS = "6";
    resetAwsCaches();
    const scope = scopeFor();
    const { target } = await revisionsOf(scope, "worker", "ACTIVE");
    const before = await listServiceDeploymentsFresh(scope, { cluster: "production", service: "worker" });
    await sandbox.control.setFaults({ rules: { UpdateService: { throttle: { ratePerSecond: 0.5, burst: 1 } } } });
    // Takes the bucket's only token without deploying anything (the cluster does not exist).
    await sandbox.ecs.send(new UpdateServiceCommand({ cluster: "nowhere", service: "worker" })).catch(() => undefined);

    const update = await updateServiceTaskDefinition(scope, { cluster: "production", service: "worker", taskDefinitionArn: target });

    const counts = (await sandbox.control.counters()).operations.UpdateService;
    expect(counts?.throttled).toBeGreaterThanOrEqual(1);
    const after = await listServiceDeploymentsFresh(scope, { cluster: "production", service: "worker" });
    expect(after).toHaveLength(before.length + 1);
    const service = await describeServiceFresh(scope, "production", "worker");
    expect(service?.deployments.filter((d) => d.taskDefinitionArn === target)).toHaveLength(1);
    expect(service?.deployments.find((d) => d.status === "PRIMARY")?.id).toBe(update.deploymentId);
  });

  it("surfaces AWS's message when UpdateService is refused, and deploys nothing", async () => {
    const scope = scopeFor();
    const { current, target } = await revisionsOf(scope, "notifications", "INACTIVE");
    const error = await updateServiceTaskDefinition(scope, { cluster: "production", service: "notifications", taskDefinitionArn: target }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AwsRejectedError);
    expect(error).toMatchObject({ operation: "UpdateService", awsCode: "ClientException", awsMessage: "TaskDefinition is inactive" });
    const after = await describeServiceFresh(scope, "production", "notifications");
    expect(after?.deployments.map((d) => d.id)).toEqual(current.deployments.map((d) => d.id));
  });
});

describe("the write concurrency slot", () => {
  it("lets a write through while every read slot is taken", async () => {
    const base = demoConfig();
    const scope = scopeFor({ ...base, aws: { ...base.aws, maxConcurrency: 1 } });
    const { target } = await revisionsOf(scope, "payments", "ACTIVE");
    await sandbox.control.setFaults({ rules: { DescribeServices: { latencyMs: 1_500 } } });
    const order: string[] = [];
    const read = describeServiceFresh(scope, "staging", "payments").then(() => order.push("read"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const write = scope.clients.ecs
      .send(new UpdateServiceCommand({ cluster: "production", service: "payments", taskDefinition: target }))
      .then(() => order.push("write"));
    await Promise.all([read, write]);
    expect(order).toEqual(["write", "read"]);
  });
});
