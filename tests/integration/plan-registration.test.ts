// The planner against what ECS actually echoes (demo scenario, real SDK): an image clone of my-api
// registers with only the app image changed and the sidecar untouched, and planning it again reuses
// the registered clone rather than registering an identical one.
import { describe, expect, it } from "vitest";
import { awsRuntime, describeActiveRevisions, describeFullTaskDefinition, describeService, envScope, registerTaskDefinition } from "@/lib/aws";
import { TAG_KEYS } from "@/lib/domain/clone-tags";
import { planDeployment } from "@/lib/domain/deploy-plan";
import { compileTagPattern, DEFAULT_TAG_PATTERN } from "@/lib/domain/prod-tag";
import { diffTaskDefinitions } from "@/lib/domain/task-definition-diff";
import { demoConfig, sandboxEnvironment, useAppSandbox } from "./support";

useAppSandbox({ scenario: "demo" });
const scope = () => envScope(awsRuntime(demoConfig()), sandboxEnvironment());
const DIGEST = `sha256:${"c".repeat(64)}`;

describe("planning and registering a clone", () => {
  it("registers only the chosen container's new image, then reuses that revision", async () => {
    const service = await describeService(scope(), "production", "my-api");
    const current = await describeFullTaskDefinition(scope(), service?.taskDefinitionArn ?? "");
    const app = current.spec.containerDefinitions.find((c) => c.name === "app");
    const repositoryUri = app?.image.split(/[:@]/)[0] ?? "";
    const target = { kind: "image", container: "app", repositoryUri, digest: DIGEST, tag: "prod-cccccccc" } as const;

    const first = planDeployment({ current, target, activeRevisions: await describeActiveRevisions(scope(), current.family, 5), operationId: "op-1" });
    if (!first.ok || first.plan.run.kind !== "register") throw new Error("expected a registration");
    const registered = await registerTaskDefinition(scope(), first.plan.run.spec, first.plan.run.tags);
    expect(registered.tags).toEqual(expect.arrayContaining([{ key: "team", value: "platform" }, { key: TAG_KEYS.operation, value: "op-1" }]));

    const diff = diffTaskDefinitions(current.spec, registered.spec, { tagPattern: compileTagPattern(DEFAULT_TAG_PATTERN), git: { byRepository: {} } });
    expect(diff.fields).toEqual([]);
    expect(diff.containers.map((c) => [c.name, c.status, c.fields, c.environment])).toEqual([
      ["app", "changed", [], []],
      ["log-router", "unchanged", [], []],
    ]);
    expect(registered.spec.containerDefinitions[0]?.image).toBe(`${repositoryUri}@${DIGEST}`);

    const again = planDeployment({ current, target, activeRevisions: await describeActiveRevisions(scope(), current.family, 5), operationId: "op-2" });
    expect(again).toMatchObject({ ok: true, plan: { needsRegistration: false, run: { kind: "existing", taskDefinition: { arn: registered.arn } } } });
  });
});
