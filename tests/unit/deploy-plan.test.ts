// The planner's decisions over my-api (app + log-router sidecar): run as is, clone, reuse, or nothing to do.
import { describe, expect, it } from "vitest";
import { TAG_KEYS } from "@/lib/domain/clone-tags";
import { planDeployment, type DeployPlan, type PlanInput, type ResolvedTarget } from "@/lib/domain/deploy-plan";
import type { TaskDefinition } from "@/lib/domain/task-definition";
import { app, DIGEST_A, REGISTRY, SHA_NEW, sidecar, spec, taskDefinition } from "./fixtures/task-definition";

const OP = "op-7f3a";
const current = taskDefinition(9);
const active5 = taskDefinition(5, { spec: spec({ containerDefinitions: [app({ image: `${REGISTRY}/my-api:prod-${"5".repeat(40)}` }), sidecar()] }) });
const inactive3 = taskDefinition(3, {
  status: "INACTIVE",
  spec: spec({ cpu: "256", containerDefinitions: [app({ image: `${REGISTRY}/my-api:prod-${"3".repeat(40)}` }), sidecar()] }),
  tags: [
    { key: "team", value: "platform" },
    { key: "aws:cloudformation:stack-name", value: "api" },
    { key: "AWS:Other", value: "x" },
    { key: "owner", value: "aws:reserved-value" },
    { key: TAG_KEYS.operation, value: "op-older" },
  ],
});
const pinned = `${REGISTRY}/my-api@${DIGEST_A}`;
const imageTarget: ResolvedTarget = { kind: "image", container: "app", repositoryUri: `${REGISTRY}/my-api`, digest: DIGEST_A, tag: `prod-${SHA_NEW}`, sha: SHA_NEW };
const alreadyPinned = taskDefinition(10, { spec: spec({ containerDefinitions: [app({ image: pinned }), sidecar()] }) });

interface Case {
  name: string;
  input: Partial<PlanInput> & { target: ResolvedTarget };
  expected: Partial<DeployPlan> & { runs?: string; registers?: boolean };
  summary: RegExp;
}

const cases: Case[] = [
  { name: "an ACTIVE revision runs as it is", input: { target: { kind: "revision", taskDefinition: active5 } }, expected: { runs: active5.arn, needsRegistration: false, unchanged: false }, summary: /my-api:5 is ACTIVE and runs as it is/ },
  { name: "the current revision is nothing to do", input: { target: { kind: "revision", taskDefinition: current } }, expected: { runs: current.arn, unchanged: true }, summary: /already runs my-api:9/ },
  { name: "an INACTIVE revision is cloned", input: { target: { kind: "revision", taskDefinition: inactive3 } }, expected: { registers: true, needsRegistration: true, unchanged: false }, summary: /my-api:3 is INACTIVE .* registered, cloned from my-api:3/ },
  {
    name: "an INACTIVE revision with an identical ACTIVE clone reuses the clone",
    input: { target: { kind: "revision", taskDefinition: inactive3 }, activeRevisions: [taskDefinition(12, { spec: structuredClone(inactive3.spec) })] },
    expected: { runs: taskDefinition(12).arn, needsRegistration: false },
    summary: /my-api:12 is identical and ACTIVE, so it is reused/,
  },
  { name: "an image target clones the current revision", input: { target: imageTarget }, expected: { registers: true, needsRegistration: true }, summary: /Container app moves to .*@sha256:a{64}: a new revision .* cloned from my-api:9/ },
  { name: "an image already pinned in an ACTIVE revision reuses it", input: { target: imageTarget, activeRevisions: [active5, alreadyPinned] }, expected: { runs: alreadyPinned.arn, needsRegistration: false }, summary: /my-api:10 is identical/ },
  {
    name: "an identical revision that is INACTIVE is not reused",
    input: { target: imageTarget, activeRevisions: [{ ...alreadyPinned, status: "INACTIVE" }] },
    expected: { registers: true },
    summary: /registered/,
  },
  { name: "the image the current revision pins already is nothing to do", input: { current: alreadyPinned, target: imageTarget }, expected: { runs: alreadyPinned.arn, unchanged: true }, summary: /already runs my-api:10/ },
  {
    name: "a service left on an INACTIVE revision (§8.6) gets a clone even for the same image",
    input: { current: { ...alreadyPinned, status: "INACTIVE" }, target: imageTarget },
    expected: { registers: true, unchanged: false },
    summary: /registered, cloned from my-api:10/,
  },
];

function run(input: Case["input"]) {
  return planDeployment({ current, activeRevisions: [active5], operationId: OP, ...input });
}

describe("planDeployment", () => {
  it.each(cases)("$name", ({ input, expected, summary }) => {
    const result = run(input);
    if (!result.ok) throw new Error(result.error);
    const { runs, registers, ...fields } = expected;
    expect(result.plan).toMatchObject(fields);
    expect(result.plan.summary).toMatch(summary);
    if (runs) expect(result.plan.run).toMatchObject({ kind: "existing", taskDefinition: { arn: runs } });
    if (registers) expect(result.plan.run.kind).toBe("register");
  });

  it("changes only the chosen container's image, pinned by digest, in the clone of the current revision", () => {
    const result = run({ target: imageTarget });
    if (!result.ok || result.plan.run.kind !== "register") throw new Error("expected a registration");
    const expected = structuredClone(current.spec);
    expected.containerDefinitions[0] = { ...app(), image: pinned };
    expect(result.plan.run.spec).toEqual(expected);
    expect(result.plan.targetSpec).toBe(result.plan.run.spec);
    expect(current.spec.containerDefinitions[0]?.image).toContain(":prod-"); // the input is not mutated
  });

  it("clones an INACTIVE revision whole, without read-only fields, and tags it", () => {
    const result = run({ target: { kind: "revision", taskDefinition: inactive3, sourceTag: "prod-3333333", sha: "3".repeat(40) } });
    if (!result.ok || result.plan.run.kind !== "register") throw new Error("expected a registration");
    expect(result.plan.run.spec).toEqual(inactive3.spec);
    expect(Object.keys(result.plan.run.spec)).not.toContain("revision");
    expect(result.plan.run.tags).toEqual([
      { key: "team", value: "platform" },
      { key: TAG_KEYS.operation, value: OP },
      { key: TAG_KEYS.clonedFrom, value: "my-api:3" },
      { key: TAG_KEYS.sourceTag, value: "prod-3333333" },
      { key: TAG_KEYS.sha, value: "3".repeat(40) },
    ]);
  });

  const refusals: Array<[string, ResolvedTarget, Partial<TaskDefinition> | undefined, RegExp]> = [
    ["a revision of another family", { kind: "revision", taskDefinition: taskDefinition(2, { family: "web" }) }, undefined, /web:2 is not of family my-api/],
    ["a revision being deleted", { kind: "revision", taskDefinition: taskDefinition(2, { status: "DELETE_IN_PROGRESS" }) }, undefined, /DELETE_IN_PROGRESS and cannot be deployed/],
    ["an unknown container", { ...imageTarget, container: "db" }, undefined, /container "db" is not in my-api:9/],
    ["a clone past ECS's 50-tag limit", imageTarget, { tags: Array.from({ length: 48 }, (_, i) => ({ key: `k${i}`, value: "v" })) }, /48 tags; .* exceed ECS's limit of 50/],
  ];

  it.each(refusals)("refuses %s", (_name, target, currentOverrides, message) => {
    const result = run({ target, ...(currentOverrides && { current: { ...current, ...currentOverrides } }) });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
  });
});
