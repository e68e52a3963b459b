import { describe, expect, it } from "vitest";
import { idempotencyKeySchema, operationRequestSchema, stopRequestSchema, targetFromQuery } from "@/lib/deploy/operation-input";

const DIGEST = `sha256:${"a".repeat(64)}`;
const ARN = "arn:aws:ecs:ap-south-1:123456789012:task-definition/my-api:41";
const ok = { action: "rollback", target: { suggested: true }, reason: "INC-42 checkout errors" };

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

describe("operationRequestSchema accepts every documented shape", () => {
  it.each([
    [{ ...ok }],
    [{ ...ok, action: "deploy", target: { revision: "my-api:41" } }],
    [{ ...ok, target: { container: "app", tag: "prod-0123abc" } }],
    [{ ...ok, target: { container: "log-router", digest: DIGEST } }],
    [{ ...ok, expectedTaskDefinition: ARN }],
    [{ ...ok, override: { scanGate: "CVE not reachable: no network egress" } }],
    [{ ...ok, reason: "x".repeat(1000) }],
  ])("%j", (body) => {
    expect(operationRequestSchema.safeParse(body).success).toBe(true);
  });
});

describe("operationRequestSchema refuses bad input with a message naming the problem", () => {
  it.each([
    [{ ...ok, reason: undefined }, "reason is required"],
    [{ ...ok, reason: "   " }, "reason is required"],
    [{ ...ok, reason: "x".repeat(1001) }, "at most 1,000 characters"],
    [{ ...ok, action: "restart" }, 'action must be "rollback" or "deploy"'],
    [{ ...ok, target: { revision: "my-api" } }, "revision must look like family:N"],
    [{ ...ok, target: { revision: "my-api:0" } }, "revision must look like family:N"],
    [{ ...ok, target: { container: "app" } }, "target must be"],
    [{ ...ok, target: { container: "app", tag: "-bad" } }, "tag must be a Docker tag"],
    [{ ...ok, target: { container: "app", digest: "sha256:abc" } }, "must be sha256:<64 lowercase hex>"],
    [{ ...ok, target: { suggested: false } }, "target must be"],
    [{ ...ok, target: { revision: "my-api:3", container: "app", tag: "x" } }, "target must be"],
    [{ ...ok, expectedTaskDefinition: "my-api:41" }, "must be a task-definition ARN"],
    [{ ...ok, override: { scanGate: "" } }, "reason is required"],
    [{ ...ok, force: true }, 'Unrecognized key: "force"'],
  ])("%j → %s", (body, message) => {
    expect(firstIssue(operationRequestSchema.safeParse(body))).toContain(message);
  });
});

describe("targetFromQuery reads the plan's query string", () => {
  it.each([
    ["", { suggested: true }],
    ["suggested=1", { suggested: true }],
    ["revision=web:7", { revision: "web:7" }],
    ["container=app&tag=prod-abc1234", { container: "app", tag: "prod-abc1234" }],
    [`container=app&digest=${DIGEST}`, { container: "app", digest: DIGEST }],
  ])("?%s", (query, target) => {
    expect(targetFromQuery(new URLSearchParams(query))).toMatchObject({ success: true, data: target });
  });

  it.each([["revision=web"], ["container=app"], ["suggested=yes"], [`container=bad name&digest=${DIGEST}`]])("?%s is refused", (query) => {
    expect(targetFromQuery(new URLSearchParams(query)).success).toBe(false);
  });
});

describe("stop and idempotency inputs", () => {
  it.each([
    [{ reason: "bad deploy" }, true],
    [{ reason: "" }, false],
    [{}, false],
    [{ reason: "ok", extra: 1 }, false],
  ])("stop %j → %s", (body, valid) => {
    expect(stopRequestSchema.safeParse(body).success).toBe(valid);
  });

  it.each([
    ["2f6c1a4e-1b7d-4c55-9a42-0d9c1f3e8b21", true],
    ["short", false],
    ["has space in it", false],
    ["k".repeat(129), false],
  ])("Idempotency-Key %s → %s", (key, valid) => {
    expect(idempotencyKeySchema.safeParse(key).success).toBe(valid);
  });
});
