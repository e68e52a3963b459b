import { describe, expect, it } from "vitest";
import { describeRule, matchesTagPattern, parseLifecyclePolicy, type LifecycleRule } from "@/lib/domain/lifecycle";

const keepProd = { rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: 10 }, action: { type: "expire" } };
const untaggedDay = { rulePriority: 2, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }, action: { type: "expire" } };

function withSelection(selection: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return { rules: [{ rulePriority: 1, selection: { countType: "imageCountMoreThan", countNumber: 1, ...selection }, action: { type: "expire" }, ...over }] };
}

describe("parseLifecyclePolicy", () => {
  it("accepts the demo policy", () => {
    const result = parseLifecyclePolicy(JSON.stringify({ rules: [{ ...keepProd, description: "Keep the last 10 prod images" }, untaggedDay] }));
    expect(result).toEqual({ ok: true, policy: { rules: [{ ...keepProd, description: "Keep the last 10 prod images" }, untaggedDay] } });
  });

  it.each([
    ["a pattern list", withSelection({ tagStatus: "tagged", tagPatternList: ["prod-*", "*"] })],
    ["an any rule with the highest priority", { rules: [keepProd, { ...untaggedDay, rulePriority: 9, selection: { ...untaggedDay.selection, tagStatus: "any" } }] }],
    ["priority gaps", { rules: [{ ...keepProd, rulePriority: 10 }, { ...untaggedDay, rulePriority: 30 }] }],
    ["four wildcards", withSelection({ tagStatus: "tagged", tagPatternList: ["*a*b*c*"] })],
  ])("accepts %s", (_name, policy) => {
    expect(parseLifecyclePolicy(JSON.stringify(policy)).ok).toBe(true);
  });

  it.each([
    ["not JSON", "{rules:", "not valid JSON"],
    ["no rules", { rules: [] }, "rules: Too small"],
    ["rules not an array", { rules: {} }, "rules: Invalid input: expected array"],
    ["an unknown top-level key", { rules: [keepProd], version: 1 }, 'Unrecognized key: "version"'],
    ["duplicate priorities", { rules: [keepProd, { ...untaggedDay, rulePriority: 1 }] }, "rulePriority values must be unique"],
    ["priority 0", { rules: [{ ...keepProd, rulePriority: 0 }] }, "rules[0].rulePriority: Too small"],
    ["a fractional priority", { rules: [{ ...keepProd, rulePriority: 1.5 }] }, "rules[0].rulePriority"],
    ["any not last", { rules: [{ ...untaggedDay, rulePriority: 1, selection: { ...untaggedDay.selection, tagStatus: "any" } }, { ...keepProd, rulePriority: 2 }] }, '"any" rule must have the highest rulePriority'],
    ["two untagged rules", { rules: [{ ...untaggedDay, rulePriority: 1 }, untaggedDay] }, "Only one rule may select untagged images"],
    ["tagged without a list", withSelection({ tagStatus: "tagged" }), "needs exactly one of tagPrefixList or tagPatternList"],
    ["tagged with both lists", withSelection({ tagStatus: "tagged", tagPrefixList: ["a"], tagPatternList: ["a*"] }), "needs exactly one"],
    ["untagged with a list", withSelection({ tagStatus: "untagged", tagPrefixList: ["a"] }), 'tagStatus "untagged" takes no tagPrefixList'],
    ["any with a list", withSelection({ tagStatus: "any", tagPatternList: ["a*"] }), 'tagStatus "any" takes no'],
    ["an empty prefix list", withSelection({ tagStatus: "tagged", tagPrefixList: [] }), "rules[0].selection.tagPrefixList: Too small"],
    ["five wildcards", withSelection({ tagStatus: "tagged", tagPatternList: ["*a*b*c*d*"] }), 'At most 4 "*" wildcards'],
    ["sinceImagePushed without countUnit", withSelection({ tagStatus: "any", countType: "sinceImagePushed" }), 'needs countUnit "days"'],
    ["countUnit with imageCountMoreThan", withSelection({ tagStatus: "any", countUnit: "days" }), "countUnit is only used with"],
    ["countUnit hours", withSelection({ tagStatus: "any", countType: "sinceImagePushed", countUnit: "hours" }), "rules[0].selection.countUnit"],
    ["countNumber 0", withSelection({ tagStatus: "any", countNumber: 0 }), "rules[0].selection.countNumber: Too small"],
    ["the newer sinceImagePulled count type", withSelection({ tagStatus: "any", countType: "sinceImagePulled", countUnit: "days" }), "rules[0].selection.countType"],
    ["a transition action", withSelection({ tagStatus: "any" }, { action: { type: "transition", targetStorageClass: "archive" } }), "rules[0].action"],
    ["a storage class", withSelection({ tagStatus: "any", storageClass: "standard" }), 'Unrecognized key: "storageClass"'],
    ["an unknown tagStatus", withSelection({ tagStatus: "TAGGED" }), "rules[0].selection.tagStatus"],
  ])("rejects %s", (_name, policy, message) => {
    const result = parseLifecyclePolicy(typeof policy === "string" ? policy : JSON.stringify(policy));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe("matchesTagPattern", () => {
  it.each([
    ["prod*", "prod", true],
    ["prod*", "prod-0123456", true],
    ["prod*", "production", true],
    ["prod*", "PROD-1", false], // case-sensitive
    ["prod*", "my-prod", false],
    ["*prod*", "my-prod-1", true],
    ["v*.*.*", "v1.2.3", true],
    ["v*.*.*", "v1.2", false],
    ["latest", "latest", true],
    ["latest", "latest2", false], // no wildcard: the whole tag must match
    ["*-rc*", "1.0-rc1", true],
    ["1.0", "1x0", false], // "." is literal
    ["a+b", "a+b", true],
    ["*", "anything", true],
  ])("%s ~ %s: %s", (pattern, tag, expected) => {
    expect(matchesTagPattern(pattern, tag)).toBe(expected);
  });
});

const rule = (selection: LifecycleRule["selection"]): LifecycleRule => ({ rulePriority: 1, selection, action: { type: "expire" } });

describe("describeRule", () => {
  it.each<[LifecycleRule, string]>([
    [rule({ tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: 10 }), "Keep the 10 newest images tagged prod*"],
    [rule({ tagStatus: "tagged", tagPrefixList: ["prod", "sha"], countType: "imageCountMoreThan", countNumber: 3 }), "Keep the 3 newest images tagged prod* and sha*"],
    [rule({ tagStatus: "tagged", tagPatternList: ["v*.*.*"], countType: "imageCountMoreThan", countNumber: 1 }), "Keep the newest image tagged v*.*.*"],
    [rule({ tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }), "Expire untagged images pushed more than 1 day ago"],
    [rule({ tagStatus: "tagged", tagPrefixList: ["feature-"], countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }), "Expire images tagged feature-* pushed more than 14 days ago"],
    [rule({ tagStatus: "any", countType: "imageCountMoreThan", countNumber: 500 }), "Keep the 500 newest images"],
    [rule({ tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 }), "Keep the newest untagged image"],
  ])("%j → %s", (r, expected) => {
    expect(describeRule(r)).toBe(expected);
  });
});
