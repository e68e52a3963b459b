import { describe, expect, it } from "vitest";
import { deploymentProvenance, RUN_URL_TAG } from "@/lib/domain/deployment-provenance";
import { compileTagPattern, DEFAULT_TAG_PATTERN } from "@/lib/domain/prod-tag";

const pattern = compileTagPattern(DEFAULT_TAG_PATTERN);
const SHA = "3c75c28a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
const REGISTRY = "123456789012.dkr.ecr.ap-south-1.amazonaws.com";
const DIGEST = `sha256:${"a".repeat(64)}`;
const RUN = "https://github.com/acme/payments/actions/runs/123456";

describe("deploymentProvenance: commits", () => {
  it.each([
    { name: "prod-<sha> tag", image: `${REGISTRY}/payments:prod-${SHA}`, expected: [{ container: "app", repository: "payments", sha: SHA, tag: `prod-${SHA}` }] },
    { name: "short SHA, nested repository", image: `${REGISTRY}/team/payments:prod-3c75c28`, expected: [{ container: "app", repository: "team/payments", sha: "3c75c28", tag: "prod-3c75c28" }] },
    { name: "tag and digest", image: `${REGISTRY}/payments:prod-${SHA}@${DIGEST}`, expected: [{ container: "app", repository: "payments", sha: SHA, tag: `prod-${SHA}` }] },
    { name: "digest only", image: `${REGISTRY}/payments@${DIGEST}`, expected: [] },
    { name: "a tag the pattern does not read", image: `${REGISTRY}/payments:latest`, expected: [] },
    { name: "not an image reference", image: "UPPER CASE", expected: [] },
  ])("$name", ({ image, expected }) => {
    expect(deploymentProvenance({ containers: [{ name: "app", image }] }, pattern).commits).toEqual(expected);
  });

  it("names each container that has a commit, in the revision's order", () => {
    const revision = {
      containers: [
        { name: "app", image: `${REGISTRY}/my-api:prod-${SHA}` },
        { name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable" },
        { name: "worker", image: `${REGISTRY}/my-api-worker:prod-abcdef1` },
      ],
    };
    expect(deploymentProvenance(revision, pattern).commits.map((c) => [c.container, c.sha])).toEqual([
      ["app", SHA],
      ["worker", "abcdef1"],
    ]);
  });

  it("reads the configured pattern, not only prod-", () => {
    const sha = compileTagPattern("^sha-(?<sha>[0-9a-f]{7,40})$");
    expect(deploymentProvenance({ containers: [{ name: "app", image: `${REGISTRY}/web:sha-3c75c28` }] }, sha).commits[0]?.sha).toBe("3c75c28");
  });
});

describe("deploymentProvenance: the CI run", () => {
  const withTag = (value: string | undefined, key = RUN_URL_TAG) => ({
    containers: [{ name: "app", image: `${REGISTRY}/payments:prod-${SHA}` }],
    ...(value !== undefined && { tags: [{ key: "team", value: "payments" }, { key, value }] }),
  });

  it.each([
    { name: "an https URL", value: RUN, expected: RUN },
    { name: "no tags", value: undefined, expected: null },
    { name: "http", value: "http://ci.example.com/runs/1", expected: null },
    { name: "javascript:", value: "javascript:alert(1)", expected: null },
    { name: "credentials in the URL", value: "https://user:pw@ci.example.com/runs/1", expected: null },
    { name: "not a URL", value: "run 123", expected: null },
    { name: "empty", value: "", expected: null },
  ])("$name", ({ value, expected }) => {
    expect(deploymentProvenance(withTag(value), pattern).runUrl).toBe(expected);
  });

  it("reads only the ci:run-url key", () => {
    expect(deploymentProvenance(withTag(RUN, "ci:run"), pattern).runUrl).toBeNull();
  });
});
