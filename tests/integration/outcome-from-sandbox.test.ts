// The follower's classifier and the suggested target on what the sandbox really reports for the demo
// (real SDK): my-api's circuit-breaker rollback is rolled_back, never "succeeded", and its suggested
// target is neither the revision it runs nor the one the breaker rolled back from.
import { describe, expect, it } from "vitest";
import { awsRuntime, describeService, describeServiceDeployments, envScope, listServiceDeployments } from "@/lib/aws";
import { classifyOutcome } from "@/lib/domain/outcome";
import { primaryOf } from "@/lib/domain/rollout";
import { suggestTarget } from "@/lib/domain/suggested-target";
import type { Service, ServiceDeploymentRecord } from "@/lib/domain/types";
import { demoConfig, sandboxEnvironment, useAppSandbox } from "./support";

useAppSandbox({ scenario: "demo" });
const scope = () => envScope(awsRuntime(demoConfig()), sandboxEnvironment());

/** The newest service deployment of `service` that `pick` accepts, as the follower would read it. */
async function facts(service: string, pick: (r: ServiceDeploymentRecord, current: Service) => boolean) {
  const current = await describeService(scope(), "production", service);
  if (!current) throw new Error(`${service} not found`);
  const records = await listServiceDeployments(scope(), "production", service);
  const record = records.find((r) => pick(r, current));
  if (!record) throw new Error(`no such deployment of ${service}`);
  const { deployments } = await describeServiceDeployments(scope(), [record.arn]);
  if (!deployments[0]) throw new Error(`${record.arn} not described`);
  return { record, records, deployment: deployments[0], service: current };
}
const rollback = (r: ServiceDeploymentRecord) => r.status === "ROLLBACK_SUCCESSFUL";

describe("classifying the demo's deployments", () => {
  it("calls my-api's breaker rollback rolled_back, though the service looks stable", async () => {
    const { record, deployment, service } = await facts("my-api", rollback);
    expect(service.deployments).toHaveLength(1);
    const operation = { deploymentId: "ecs-svc/0000000000000000000", targetTaskDefinitionArn: record.targetTaskDefinitionArn ?? "", startedAt: record.createdAt ?? new Date(0), stopRequested: false };
    const result = classifyOutcome({ operation, serviceDeployment: deployment, service, now: new Date(), timeoutMs: 365 * 86_400_000 });
    expect(result).toMatchObject({ status: "rolled_back", reason: expect.stringMatching(/circuit breaker rolled it back/), fallback: false });
  });

  it("calls a finished healthy deployment succeeded", async () => {
    const { record, deployment, service } = await facts("web", (r, s) => r.status === "SUCCESSFUL" && r.targetTaskDefinitionArn === s.taskDefinitionArn);
    const operation = { deploymentId: primaryOf(service)?.id ?? "", targetTaskDefinitionArn: service.taskDefinitionArn, startedAt: record.createdAt ?? new Date(0), stopRequested: false };
    expect(classifyOutcome({ operation, serviceDeployment: deployment, service, now: new Date(), timeoutMs: 365 * 86_400_000 }).status).toBe("succeeded");
  });

  it("suggests for my-api neither what runs nor what the breaker rolled back from", async () => {
    const { record, records, service } = await facts("my-api", rollback);
    const suggestion = suggestTarget({ deployments: records, currentTaskDefinitionArn: service.taskDefinitionArn });
    if (!suggestion.found) throw new Error(suggestion.reason);
    expect(suggestion.taskDefinitionArn).not.toBe(service.taskDefinitionArn);
    expect(suggestion.taskDefinitionArn).not.toBe(record.targetTaskDefinitionArn);
    expect(suggestion.reason).toMatch(/^my-api:\d+ is the last revision that deployed successfully before my-api:\d+/);
  });
});
