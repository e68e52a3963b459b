// Scenarios for the AWS lifecycle semantics of aws-behaviour.md §4.4; "rule N" refers to that list.
import { describe, expect, it } from "vitest";
import { evaluateLifecyclePolicy, type LifecycleImage, type LifecyclePolicy, type LifecycleRule } from "@/lib/domain/lifecycle";

const NOW = new Date("2026-11-25T12:00:00Z");
const HOUR = 3_600_000;

/** An image pushed `hoursAgo` hours before NOW; the digest is derived from the name so results read well. */
function img(name: string, hoursAgo: number, tags: string[] = [], extra: Partial<LifecycleImage> = {}): LifecycleImage {
  return { digest: `sha256:${name}`, tags, pushedAt: new Date(NOW.getTime() - hoursAgo * HOUR), ...extra };
}

function r(rulePriority: number, selection: LifecycleRule["selection"]): LifecycleRule {
  return { rulePriority, selection, action: { type: "expire" } };
}

const keep = (rulePriority: number, countNumber: number, list: Partial<LifecycleRule["selection"]> & Pick<LifecycleRule["selection"], "tagStatus">) =>
  r(rulePriority, { countType: "imageCountMoreThan", countNumber, ...list });
const olderThanDays = (rulePriority: number, countNumber: number, list: Partial<LifecycleRule["selection"]> & Pick<LifecycleRule["selection"], "tagStatus">) =>
  r(rulePriority, { countType: "sinceImagePushed", countUnit: "days", countNumber, ...list });

const DEMO: LifecyclePolicy = {
  rules: [keep(1, 10, { tagStatus: "tagged", tagPrefixList: ["prod"] }), olderThanDays(2, 1, { tagStatus: "untagged" })],
};

// 14 daily prod pushes (p0 newest, with `latest`), each also tagged sha-; three untagged images.
const demoImages: LifecycleImage[] = [
  ...Array.from({ length: 14 }, (_, i) => img(`p${i}`, i * 24 + 1, [`prod-${String(i).padStart(7, "0")}`, `sha-${i}`, ...(i === 0 ? ["latest"] : [])])),
  img("u-new", 2),
  img("u-old", 30),
  img("u-ancient", 24 * 40),
];

type Scenario = { name: string; policy: LifecyclePolicy; images: LifecycleImage[]; expected: Record<string, number> };

const scenarios: Scenario[] = [
  {
    name: "demo policy: keep the 10 newest prod images, expire untagged after a day",
    policy: DEMO,
    images: demoImages,
    expected: { "sha256:p10": 1, "sha256:p11": 1, "sha256:p12": 1, "sha256:p13": 1, "sha256:u-old": 2, "sha256:u-ancient": 2 },
  },
  {
    name: "exactly countNumber matches: nothing expires (rule 6)",
    policy: { rules: [keep(1, 3, { tagStatus: "tagged", tagPrefixList: ["prod"] })] },
    images: [img("a", 1, ["prod-a"]), img("b", 2, ["prod-b"]), img("c", 3, ["prod-c"])],
    expected: {},
  },
  {
    name: "sinceImagePushed: older than countNumber days only (rule 7)",
    policy: { rules: [olderThanDays(1, 2, { tagStatus: "any" })] },
    images: [img("fresh", 47, ["x"]), img("edge", 48), img("old", 49, ["y"])],
    expected: { "sha256:old": 1 },
  },
  {
    name: "an image a higher-priority rule selected cannot be expired by a lower one (rule 2)",
    policy: { rules: [keep(1, 100, { tagStatus: "tagged", tagPrefixList: ["prod"] }), olderThanDays(2, 1, { tagStatus: "any" })] },
    images: [img("prod-old", 24 * 30, ["prod-1"]), img("dev-old", 24 * 30, ["dev-1"]), img("untagged-old", 24 * 30), img("dev-new", 1, ["dev-2"])],
    expected: { "sha256:dev-old": 2, "sha256:untagged-old": 2 },
  },
  {
    name: "lower-priority rules still count images higher rules selected (rule 3)",
    policy: { rules: [keep(1, 5, { tagStatus: "tagged", tagPrefixList: ["prod"] }), keep(2, 2, { tagStatus: "any" })] },
    images: [img("p1", 1, ["prod-1"]), img("p2", 2, ["prod-2"]), img("x1", 3, ["dev-1"]), img("x2", 4)],
    expected: { "sha256:x1": 2, "sha256:x2": 2 },
  },
  {
    name: "an image expired by one rule keeps that rule's priority (rule 1)",
    policy: { rules: [keep(1, 1, { tagStatus: "tagged", tagPrefixList: ["prod"] }), keep(2, 1, { tagStatus: "any" })] },
    images: [img("p1", 1, ["prod-1"]), img("p2", 2, ["prod-2"]), img("x1", 3, ["dev"])],
    expected: { "sha256:p2": 1, "sha256:x1": 2 },
  },
  {
    name: "a prefix list matches only when every prefix matches some tag (rule 5)",
    policy: { rules: [keep(1, 1, { tagStatus: "tagged", tagPrefixList: ["prod", "sha"] })] },
    images: [img("both-new", 1, ["prod-1", "sha-1"]), img("both-old", 2, ["sha-2", "prod-2"]), img("prod-only", 3, ["prod-3"]), img("sha-only", 4, ["sha-4"])],
    expected: { "sha256:both-old": 1 },
  },
  {
    name: "a pattern list with wildcards, every pattern against some tag (rule 5)",
    policy: { rules: [keep(1, 1, { tagStatus: "tagged", tagPatternList: ["v*.*.*", "*-stable"] })] },
    images: [img("a", 1, ["v2.0.0", "2-stable"]), img("b", 2, ["v1.9.0", "1-stable"]), img("c", 3, ["v1.8.0"]), img("d", 4, ["v1.7", "x-stable"])],
    expected: { "sha256:b": 1 },
  },
  {
    name: "prefixes are case-sensitive and anchored at the start",
    policy: { rules: [keep(1, 1, { tagStatus: "tagged", tagPrefixList: ["prod"] })] },
    images: [img("new", 1, ["prod-1"]), img("upper", 2, ["PROD-2"]), img("suffix", 3, ["my-prod"]), img("old", 4, ["prod-4"])],
    expected: { "sha256:old": 1 },
  },
  {
    name: "rules apply by priority, not by list order, and priority gaps are fine",
    policy: { rules: [olderThanDays(30, 1, { tagStatus: "any" }), keep(10, 1, { tagStatus: "tagged", tagPrefixList: ["prod"] })] },
    images: [img("p-new", 48, ["prod-1"]), img("p-old", 72, ["prod-2"]), img("dev", 72, ["dev"])],
    expected: { "sha256:p-old": 10, "sha256:dev": 30 },
  },
  {
    name: "an untagged rule never touches tagged images; a tagged rule never touches untagged ones",
    policy: { rules: [keep(1, 1, { tagStatus: "tagged", tagPrefixList: ["prod"] }), keep(2, 1, { tagStatus: "untagged" })] },
    images: [img("u1", 1), img("p1", 2, ["prod-1"]), img("u2", 3), img("p2", 4, ["prod-2"]), img("u3", 5)],
    expected: { "sha256:p2": 1, "sha256:u2": 2, "sha256:u3": 2 },
  },
  {
    name: "any + sinceImagePushed expires old tagged and untagged images alike",
    policy: { rules: [olderThanDays(1, 7, { tagStatus: "any" })] },
    images: [img("t-old", 24 * 8, ["latest"]), img("u-old", 24 * 9), img("t-new", 24 * 6, ["main"])],
    expected: { "sha256:t-old": 1, "sha256:u-old": 1 },
  },
  {
    name: "images referenced by a manifest list that exists are kept (rule 9)",
    policy: { rules: [keep(1, 1, { tagStatus: "any" })] },
    images: [
      img("list", 1, ["prod-1"]),
      img("child-amd64", 1.5, [], { referencedBy: ["sha256:list"] }),
      img("orphan", 2, [], { referencedBy: ["sha256:gone"] }),
    ],
    expected: { "sha256:orphan": 1 },
  },
  {
    name: "a tagged rule with no matching image expires nothing",
    policy: { rules: [keep(1, 1, { tagStatus: "tagged", tagPrefixList: ["release"] })] },
    images: [img("a", 1, ["prod-1"]), img("b", 2)],
    expected: {},
  },
  { name: "no images", policy: DEMO, images: [], expected: {} },
];

describe("evaluateLifecyclePolicy", () => {
  it.each(scenarios)("$name", ({ policy, images, expected }) => {
    const result = evaluateLifecyclePolicy(policy, images, NOW);
    expect(Object.fromEntries([...result].map(([digest, e]) => [digest, e.rulePriority]))).toEqual(expected);
    for (const expiry of result.values()) expect(expiry.action).toBe("EXPIRE");
  });

  it("lists expiring images oldest first (rule 8)", () => {
    const result = evaluateLifecyclePolicy(DEMO, demoImages, NOW);
    expect([...result.keys()]).toEqual(["sha256:u-ancient", "sha256:p13", "sha256:p12", "sha256:p11", "sha256:p10", "sha256:u-old"]);
  });

  it("does not depend on the order images arrive in, even with equal push times", () => {
    const tied = [img("c", 1, ["prod-c"]), img("a", 1, ["prod-a"]), img("b", 1, ["prod-b"])];
    const policy = { rules: [keep(1, 1, { tagStatus: "tagged", tagPrefixList: ["prod"] })] };
    const forward = evaluateLifecyclePolicy(policy, tied, NOW);
    const backward = evaluateLifecyclePolicy(policy, tied.toReversed(), NOW);
    expect([...forward]).toEqual([...backward]);
    expect(forward.size).toBe(2);
  });

  it("does not reorder the caller's array", () => {
    const images = [img("old", 10, ["prod-1"]), img("new", 1, ["prod-2"])];
    evaluateLifecyclePolicy(DEMO, images, NOW);
    expect(images.map((i) => i.digest)).toEqual(["sha256:old", "sha256:new"]);
  });
});
