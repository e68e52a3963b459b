import { describe, expect, it } from "vitest";
import { commitUrlFor, compareUrlFor, renderGitUrl, templatePlaceholders, type GitLinkSettings } from "@/lib/domain/git-links";

describe("renderGitUrl", () => {
  it.each([
    ["https://github.com/example/my-api/commit/{sha}", { sha: "abc1234" }, "https://github.com/example/my-api/commit/abc1234"],
    ["https://github.com/example/my-api/compare/{base}...{head}", { base: "a1", head: "b2" }, "https://github.com/example/my-api/compare/a1...b2"],
    ["https://github.com/example/{repository}/commit/{sha}", { repository: "team/my-api", sha: "abc" }, "https://github.com/example/team/my-api/commit/abc"],
    ["https://git.example.com/c?id={sha}", { sha: "a b&c=d" }, "https://git.example.com/c?id=a%20b%26c%3Dd"],
    ["https://example.com/{sha}/{sha}", { sha: "x" }, "https://example.com/x/x"],
    ["https://example.com/static", {}, "https://example.com/static"],
  ])("%s with %j", (template, vars, expected) => {
    expect(renderGitUrl(template, vars)).toBe(expected);
  });

  it("refuses a placeholder with no value instead of producing a broken link", () => {
    expect(() => renderGitUrl("https://example.com/{repository}/commit/{sha}", { sha: "abc" })).toThrow(/\{repository\} but no value/);
  });
});

describe("templatePlaceholders", () => {
  it.each([
    ["https://x/{base}...{head}", ["base", "head"]],
    ["https://x/commit/{sha}", ["sha"]],
    ["https://x/", []],
  ])("%s → %j", (template, expected) => {
    expect(templatePlaceholders(template)).toEqual(expected);
  });
});

describe("commitUrlFor / compareUrlFor", () => {
  const git: GitLinkSettings = {
    byRepository: { "my-api": { commitUrl: "https://github.com/acme/api/commit/{sha}", compareUrl: "https://github.com/acme/api/compare/{base}...{head}" } },
    default: { commitUrl: "https://github.com/acme/{repository}/commit/{sha}", compareUrl: "https://github.com/acme/{repository}/compare/{base}...{head}" },
  };

  it.each([
    ["my-api", "https://github.com/acme/api/commit/abc", "https://github.com/acme/api/compare/a...b"],
    ["web", "https://github.com/acme/web/commit/abc", "https://github.com/acme/web/compare/a...b"],
    ["toString", "https://github.com/acme/toString/commit/abc", "https://github.com/acme/toString/compare/a...b"],
  ])("%s", (repository, commit, compare) => {
    expect(commitUrlFor(git, repository, "abc")).toBe(commit);
    expect(compareUrlFor(git, repository, "a", "b")).toBe(compare);
  });

  it("gives no link for a repository without templates when there is no default", () => {
    expect(commitUrlFor({ byRepository: {} }, "web", "abc")).toBeUndefined();
    expect(compareUrlFor({ byRepository: {} }, "web", "a", "b")).toBeUndefined();
  });
});
