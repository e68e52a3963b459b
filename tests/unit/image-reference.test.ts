import { describe, expect, it } from "vitest";
import { formatImageReference, parseImageReference } from "@/lib/domain/image-reference";
import type { ImageReference } from "@/lib/domain/types";

const DIGEST = `sha256:${"ab".repeat(32)}`;
const ECR = "123456789012.dkr.ecr.ap-south-1.amazonaws.com";
const ecr = { accountId: "123456789012", region: "ap-south-1" };

const valid: Array<[string, ImageReference]> = [
  [`${ECR}/my-api:prod-0123456`, { registry: ECR, ecr, repository: "my-api", tag: "prod-0123456" }],
  [`${ECR}/my-api@${DIGEST}`, { registry: ECR, ecr, repository: "my-api", digest: DIGEST }],
  [`${ECR}/team/my-api:v1@${DIGEST}`, { registry: ECR, ecr, repository: "team/my-api", tag: "v1", digest: DIGEST }],
  [`${ECR}/my-api`, { registry: ECR, ecr, repository: "my-api" }],
  ["123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1", { registry: "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", ecr: { accountId: "123456789012", region: "cn-north-1" }, repository: "app", tag: "1" }],
  ["public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", { registry: "public.ecr.aws", repository: "aws-observability/aws-for-fluent-bit", tag: "stable" }],
  ["nginx", { repository: "nginx" }],
  ["nginx:1.27-alpine", { repository: "nginx", tag: "1.27-alpine" }],
  ["library/nginx:latest", { repository: "library/nginx", tag: "latest" }],
  ["docker.io/library/nginx", { registry: "docker.io", repository: "library/nginx" }],
  ["localhost:5000/app:dev", { registry: "localhost:5000", repository: "app", tag: "dev" }],
  ["localhost/app", { registry: "localhost", repository: "app" }],
  ["registry.example.com:8443/a/b/c:Tag_1.0", { registry: "registry.example.com:8443", repository: "a/b/c", tag: "Tag_1.0" }],
  ["ghcr.io/org/app@" + DIGEST, { registry: "ghcr.io", repository: "org/app", digest: DIGEST }],
  ["my__app:x", { repository: "my__app", tag: "x" }],
];

describe("parseImageReference", () => {
  it.each(valid)("%s", (ref, expected) => {
    expect(parseImageReference(ref)).toEqual(expected);
  });

  it.each([
    [""],
    ["MyApp"], // repository names are lower case
    ["app:"], // empty tag
    ["app:-bad"], // tags start with a word character
    ["app@sha256:abc"], // short digest
    [`app@md5:${"a".repeat(32)}`],
    [`app@${DIGEST}@${DIGEST}`],
    ["registry.example.com/"],
    ["a//b"],
    ["app:" + "t".repeat(129)],
    ["bad_host:99999x/app"],
  ])("rejects %j", (ref) => {
    expect(parseImageReference(ref)).toBeUndefined();
  });
});

describe("formatImageReference", () => {
  it.each(valid)("round-trips %s", (ref, parsed) => {
    expect(formatImageReference(parsed)).toBe(ref);
  });

  it("pins a digest after the tag", () => {
    expect(formatImageReference({ registry: ECR, repository: "web", tag: "prod-1", digest: DIGEST })).toBe(`${ECR}/web:prod-1@${DIGEST}`);
  });
});
