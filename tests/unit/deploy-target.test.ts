// Target input against the current revision my-api:7 (app + log-router): what is accepted and why the rest is refused.
import { describe, expect, it } from "vitest";
import { parseTarget, repositoryUri, type Target } from "@/lib/domain/deploy-target";
import { DIGEST_A, REGISTRY, taskDefinition } from "./fixtures/task-definition";

const current = taskDefinition(7);

const accepted: Array<[string, unknown, Target]> = [
  ["a revision of the family", { revision: "my-api:3" }, { kind: "revision", family: "my-api", revision: 3 }],
  ["a revision ARN", { revision: "arn:aws:ecs:ap-south-1:123456789012:task-definition/my-api:3" }, { kind: "revision", family: "my-api", revision: 3 }],
  ["a tag", { container: "app", tag: "prod-abc1234" }, { kind: "image", container: "app", registry: REGISTRY, repository: "my-api", tag: "prod-abc1234" }],
  ["a digest", { container: "app", digest: DIGEST_A }, { kind: "image", container: "app", registry: REGISTRY, repository: "my-api", digest: DIGEST_A }],
  ["a sidecar's tag", { container: "log-router", tag: "v2" }, { kind: "image", container: "log-router", registry: REGISTRY, repository: "log-router", tag: "v2" }],
  [
    "a whole reference from the same repository",
    { container: "app", tag: `${REGISTRY}/my-api:prod-abc1234` },
    { kind: "image", container: "app", registry: REGISTRY, repository: "my-api", tag: "prod-abc1234" },
  ],
  [
    "a digest reference with the repository named",
    { container: "app", digest: `my-api@${DIGEST_A}`, repository: "my-api" },
    { kind: "image", container: "app", registry: REGISTRY, repository: "my-api", digest: DIGEST_A },
  ],
  ["the suggested target", { suggested: true }, { kind: "suggested" }],
];

const refused: Array<[string, unknown, RegExp]> = [
  ["another family's revision", { revision: "payments:3" }, /belongs to family payments, but this service runs family my-api/],
  ["a revision without a number", { revision: "my-api" }, /not of the form family:N/],
  ["revision zero", { revision: "my-api:0" }, /not of the form family:N/],
  ["an ARN of another family", { revision: "arn:aws:ecs:ap-south-1:123456789012:task-definition/web:2" }, /belongs to family web/],
  ["an unknown container", { container: "db", tag: "prod-abc1234" }, /container "db" is not in my-api:7 \(containers: app, log-router\)/],
  ["a malformed tag", { container: "app", tag: "prod abc" }, /tag "prod abc" is not a valid image tag/],
  ["a tag over 128 characters", { container: "app", tag: `p${"a".repeat(128)}` }, /is not a valid image tag/],
  ["a malformed digest", { container: "app", digest: "sha256:abc" }, /not of the form sha256:<64 hex>/],
  ["an upper-case digest", { container: "app", digest: `sha256:${"A".repeat(64)}` }, /not of the form sha256/],
  ["an image from another repository", { container: "app", tag: "payments:prod-abc1234" }, /takes images from my-api, not from payments/],
  ["another repository named", { container: "app", digest: DIGEST_A, repository: "payments" }, /takes images from my-api, not from payments/],
  ["the sidecar's repository for the app", { container: "app", tag: `${REGISTRY}/log-router:v2` }, /not from .*log-router/],
  ["another registry", { container: "app", tag: `999999999999.dkr.ecr.ap-south-1.amazonaws.com/my-api:v2` }, /not from 999999999999/],
  ["both tag and digest", { container: "app", tag: "v2", digest: DIGEST_A }, /target must be one of/],
  ["suggested: false", { suggested: false }, /target must be one of/],
  ["an empty object", {}, /target must be one of/],
  ["not an object", "my-api:3", /target must be one of/],
  ["an unknown member", { revision: "my-api:3", force: true }, /target must be one of/],
];

describe("parseTarget", () => {
  it.each(accepted)("accepts %s", (_name, raw, target) => {
    expect(parseTarget(raw, current)).toEqual({ ok: true, target });
  });

  it.each(refused)("refuses %s", (_name, raw, message) => {
    const result = parseTarget(raw, current);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe("repositoryUri", () => {
  it.each([
    [{ kind: "image", container: "app", registry: REGISTRY, repository: "team/my-api", tag: "v1" } as const, `${REGISTRY}/team/my-api`],
    [{ kind: "image", container: "app", repository: "nginx", tag: "1.27" } as const, "nginx"],
  ])("of %o is %s", (target, uri) => {
    expect(repositoryUri(target)).toBe(uri);
  });
});
