import { describe, expect, it } from "vitest";
import { compileTagPattern, DEFAULT_TAG_PATTERN, findCommit, productionPattern, shortSha } from "@/lib/domain/prod-tag";

const FULL = "0123456789abcdef0123456789abcdef01234567";
const pattern = compileTagPattern(DEFAULT_TAG_PATTERN);

describe("compileTagPattern", () => {
  it.each([
    [DEFAULT_TAG_PATTERN],
    ["^release-(?<sha>[0-9a-f]{40})$"],
    ["^(?<env>prod|stage)-(?<sha>[0-9a-f]+)$"],
    ["(?<sha>[0-9a-f]{7})"],
  ])("accepts %s", (source) => {
    expect(compileTagPattern(source).source).toBe(source);
  });

  it.each([
    ["^prod-([0-9a-f]+)$", /has no named group "sha"/],
    ["^prod-(?<commit>[0-9a-f]+)$", /has no named group "sha"/],
    ["^prod-(?<sha>[0-9a-f]+$", /Invalid tag pattern/],
    ["(?<sha>a)(?<sha>b)", /Invalid tag pattern/],
    ["", /has no named group "sha"/],
  ])("rejects %s", (source, message) => {
    expect(() => compileTagPattern(source)).toThrow(message);
  });
});

describe("findCommit", () => {
  it.each([
    { tags: [`prod-${FULL}`], expected: { tag: `prod-${FULL}`, sha: FULL } },
    { tags: ["latest", "sha-0123456", `prod-${FULL}`], expected: { tag: `prod-${FULL}`, sha: FULL } },
    { tags: ["prod-0123456"], expected: { tag: "prod-0123456", sha: "0123456" } },
    { tags: ["prod-0123456789ab"], expected: { tag: "prod-0123456789ab", sha: "0123456789ab" } },
    // Several matches: the longest SHA identifies the commit best, whatever the tag order.
    { tags: ["prod-0123456", `prod-${FULL}`, "prod-01234567"], expected: { tag: `prod-${FULL}`, sha: FULL } },
    { tags: ["prod-012345"], expected: undefined }, // 6 hex: too short
    { tags: [`prod-${FULL}0`], expected: undefined }, // 41 hex: too long
    { tags: ["prod-ABCDEF1"], expected: undefined }, // the default pattern is lower-case hex only
    { tags: ["production", "prod-", "prod-xyz1234", "main", "latest"], expected: undefined },
    { tags: [], expected: undefined },
  ])("$tags → $expected", ({ tags, expected }) => {
    expect(findCommit(tags, pattern)).toEqual(expected);
  });

  const both = [pattern, compileTagPattern("^sha-(?<sha>[0-9a-f]{7,40})$")];
  it.each([
    { tags: ["sha-3c75c28", "latest"], expected: { tag: "sha-3c75c28", sha: "3c75c28" } },
    { tags: ["sha-3c75c28", `prod-${FULL}`], expected: { tag: `prod-${FULL}`, sha: FULL } },
    { tags: [`sha-${FULL}`, "prod-0123456"], expected: { tag: `sha-${FULL}`, sha: FULL } },
    { tags: ["latest", "v1.2.3"], expected: undefined },
  ])("any of several patterns: $tags → $expected", ({ tags, expected }) => {
    expect(findCommit(tags, both)).toEqual(expected);
  });

  it("lower-cases SHAs a custom pattern lets through in upper case", () => {
    expect(findCommit(["Prod-ABCDEF1"], compileTagPattern("^[Pp]rod-(?<sha>[0-9a-fA-F]{7,40})$"))).toEqual({ tag: "Prod-ABCDEF1", sha: "abcdef1" });
  });

  it("gives the same answer on repeated calls with a global pattern", () => {
    const global = new RegExp(DEFAULT_TAG_PATTERN, "g");
    expect(findCommit(["prod-0123456"], global)).toEqual(findCommit(["prod-0123456"], global));
    expect(findCommit(["prod-0123456"], global)?.sha).toBe("0123456");
  });
});

describe("shortSha", () => {
  it.each([
    [FULL, undefined, "0123456"],
    [FULL, 12, "0123456789ab"],
    ["abc", undefined, "abc"],
  ])("shortSha(%s, %s) = %s", (sha, length, expected) => {
    expect(shortSha(sha, length)).toBe(expected);
  });
});

describe("productionPattern", () => {
  const prod = compileTagPattern(DEFAULT_TAG_PATTERN);
  const sha = compileTagPattern("^sha-(?<sha>[0-9a-f]{7,40})$");
  it.each([
    { name: "a single pattern", patterns: prod, expected: prod },
    { name: "the first of a list", patterns: [prod, sha], expected: prod },
    { name: "the first, whatever it is", patterns: [sha, prod], expected: sha },
    { name: "an empty list", patterns: [], expected: undefined },
  ])("$name", ({ patterns, expected }) => {
    expect(productionPattern(patterns)).toBe(expected);
  });
});
