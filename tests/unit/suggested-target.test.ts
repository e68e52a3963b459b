// Service-deployment histories (§8.1 statuses) and the revision to suggest: never blindly N-1.
import { describe, expect, it } from "vitest";
import { runsSameImages, suggestTarget } from "@/lib/domain/suggested-target";
import type { ServiceDeploymentRecord } from "@/lib/domain/types";
import { tdArn } from "./fixtures/task-definition";

const rev = (n: number) => tdArn("my-api", n);
let seq = 0;
/** A deployment to revision `to` from `from`, finished `hour` hours into the day. */
function deployment(to: number, from: number, status: string, hour: number): ServiceDeploymentRecord {
  seq += 1;
  return {
    arn: `arn:aws:ecs:ap-south-1:123456789012:service-deployment/production/my-api/d${seq}`,
    status,
    targetTaskDefinitionArn: rev(to),
    sourceTaskDefinitionArns: [rev(from)],
    createdAt: new Date(Date.UTC(2026, 10, 20, hour - 1)),
    finishedAt: new Date(Date.UTC(2026, 10, 20, hour)),
  };
}

// ECS records our rollback from 9 to 7 as one more SUCCESSFUL deployment.
const ourRollbackFrom9 = [deployment(6, 5, "SUCCESSFUL", 0), deployment(7, 6, "SUCCESSFUL", 1), deployment(9, 7, "SUCCESSFUL", 2), deployment(7, 9, "SUCCESSFUL", 3)];

const cases: Array<{ name: string; history: ServiceDeploymentRecord[]; current: number; rolledBackFrom?: number[]; sameImages?: number[]; suggests?: number; reason: RegExp }> = [
  {
    name: "a revision running the same images as now is skipped (it changes nothing)",
    history: [deployment(4, 3, "SUCCESSFUL", 1), deployment(5, 4, "SUCCESSFUL", 2), deployment(6, 5, "SUCCESSFUL", 3)],
    current: 6,
    sameImages: [5],
    suggests: 4,
    reason: /my-api:4 .* before my-api:6 .*; skipped my-api:5, same images as now\.$/,
  },
  {
    name: "only same-image revisions before: nothing to suggest",
    history: [deployment(5, 4, "SUCCESSFUL", 2), deployment(6, 5, "SUCCESSFUL", 3)],
    current: 6,
    sameImages: [5],
    reason: /No successful deployment/,
  },
  {
    name: "the previous successful revision",
    history: [deployment(5, 4, "SUCCESSFUL", 1), deployment(6, 5, "SUCCESSFUL", 2)],
    current: 6,
    suggests: 5,
    reason: /my-api:5 is the last revision that deployed successfully before my-api:6 until 2026-11-20 01:00 UTC\.$/,
  },
  {
    name: "not N-1 when N-1 was rolled back by the circuit breaker",
    history: [deployment(5, 4, "SUCCESSFUL", 1), deployment(6, 5, "ROLLBACK_SUCCESSFUL", 2), deployment(7, 5, "SUCCESSFUL", 3)],
    current: 7,
    suggests: 5,
    reason: /my-api:5 .* before my-api:7/,
  },
  {
    name: "a revision that once succeeded but was rolled back later is skipped",
    history: [deployment(4, 3, "SUCCESSFUL", 1), deployment(5, 4, "SUCCESSFUL", 2), deployment(7, 5, "SUCCESSFUL", 3), deployment(5, 7, "ROLLBACK_SUCCESSFUL", 4)],
    current: 7,
    suggests: 4,
    reason: /my-api:4 .*; skipped my-api:5, rolled back or stopped since\.$/,
  },
  {
    name: "the service runs what a breaker rollback restored: the one before it",
    history: [deployment(4, 3, "SUCCESSFUL", 1), deployment(5, 4, "SUCCESSFUL", 2), deployment(6, 5, "ROLLBACK_SUCCESSFUL", 3)],
    current: 5,
    suggests: 4,
    reason: /my-api:4 .* before my-api:5/,
  },
  {
    name: "after our own rollback from 9 to 7, ECS's history alone points forward to 9",
    history: ourRollbackFrom9,
    current: 7,
    suggests: 9,
    reason: /my-api:9 .* before my-api:7/,
  },
  {
    name: "after our own rollback from 9 to 7, with the store's word, the one before 7",
    history: ourRollbackFrom9,
    current: 7,
    rolledBackFrom: [9],
    suggests: 6,
    reason: /my-api:6 .*skipped my-api:9/,
  },
  {
    name: "a bad revision the store names is skipped even without a newer boundary",
    history: [deployment(6, 5, "SUCCESSFUL", 1), deployment(8, 6, "SUCCESSFUL", 2)],
    current: 9,
    rolledBackFrom: [8],
    suggests: 6,
    reason: /my-api:6 .*skipped my-api:8/,
  },
  {
    name: "stopped and failed deployments are not candidates",
    history: [deployment(5, 4, "SUCCESSFUL", 1), deployment(6, 5, "STOPPED", 2), deployment(6, 5, "ROLLBACK_FAILED", 3)],
    current: 5,
    reason: /No successful deployment/,
  },
  {
    name: "a deployment whose revision could not be resolved is passed over",
    history: [deployment(4, 3, "SUCCESSFUL", 1), { ...deployment(5, 4, "SUCCESSFUL", 2), targetTaskDefinitionArn: undefined }, deployment(6, 5, "SUCCESSFUL", 3)],
    current: 6,
    suggests: 4,
    reason: /my-api:4/,
  },
  { name: "no history at all", history: [], current: 6, reason: /no service-deployment history .* 90 days/ },
];

describe("suggestTarget", () => {
  it.each(cases)("$name", ({ history, current, rolledBackFrom, sameImages, suggests, reason }) => {
    const shuffled = [...history].reverse(); // input order must not matter
    const suggestion = suggestTarget({ deployments: shuffled, currentTaskDefinitionArn: rev(current), rolledBackFrom: rolledBackFrom?.map(rev), sameImagesAsCurrent: sameImages?.map(rev) });
    expect(suggestion.found).toBe(suggests !== undefined);
    if (suggestion.found) expect(suggestion.taskDefinitionArn).toBe(rev(suggests ?? -1));
    expect(suggestion.reason).toMatch(reason);
  });
});

describe("runsSameImages", () => {
  const app = (image: string) => ({ name: "app", image });
  const router = { name: "log-router", image: "r/fluent-bit:2" };
  it.each([
    ["the same image in every container", [app("r/my-api:prod-1"), router], [router, app("r/my-api:prod-1")], true],
    ["another app image", [app("r/my-api:prod-1"), router], [app("r/my-api:prod-2"), router], false],
    ["the same image by tag and by digest are not known to be the same", [app("r/my-api:prod-1")], [app("r/my-api@sha256:aa")], false],
    ["a container more", [app("r/my-api:prod-1")], [app("r/my-api:prod-1"), router], false],
    ["a renamed container", [app("r/my-api:prod-1")], [{ name: "api", image: "r/my-api:prod-1" }], false],
  ])("%s → %s", (_name, a, b, expected) => {
    expect(runsSameImages(a, b)).toBe(expected);
  });
});
