import { describe, expect, it } from "vitest";
import {
  AwsAccessDeniedError,
  AwsRejectedError,
  AwsUnavailableError,
  BadRequestError,
  ConflictError,
  describeError,
  ForbiddenError,
  NotFoundError,
  PreflightBlockedError,
  StoreUnavailableError,
  UnauthenticatedError,
} from "@/lib/errors";

const SERVICE_ARN = "arn:aws:ecs:ap-south-1:123456789012:service/production/web";

describe("describeError", () => {
  it.each([
    [new BadRequestError("reason: must not be empty"), 400, { code: "bad_request", message: "reason: must not be empty" }],
    [new UnauthenticatedError(), 401, { code: "unauthenticated", message: "Sign in (or send an API token) to do this" }],
    [new ForbiddenError("Rolling back needs the deployer role"), 403, { code: "forbidden", message: "Rolling back needs the deployer role" }],
    [new NotFoundError("service", "web"), 404, { code: "not_found", message: 'Unknown service "web"', what: "service", resource: "web" }],
    [
      new ConflictError("lock-held", "ana@example.com is rolling back web", { heldBy: "ana@example.com", since: "2026-12-01T14:00:00.000Z" }),
      409,
      { code: "conflict", reason: "lock-held", heldBy: "ana@example.com", since: "2026-12-01T14:00:00.000Z" },
    ],
    [
      new ConflictError("stale-view", "web changed since you looked", { expected: "web:7", actual: "web:8" }),
      409,
      { code: "conflict", reason: "stale-view", expected: "web:7", actual: "web:8" },
    ],
    [
      new PreflightBlockedError([{ check: "scan-gate", message: "the target has 2 CRITICAL findings" }]),
      422,
      { code: "preflight_blocked", message: "Blocked by preflight: the target has 2 CRITICAL findings", checks: [{ check: "scan-gate", message: "the target has 2 CRITICAL findings" }] },
    ],
    [
      new AwsAccessDeniedError("ecs:UpdateService", SERVICE_ARN, "not authorized"),
      403,
      {
        code: "aws_access_denied",
        message: `Access denied: the dashboard's role may not call ecs:UpdateService on ${SERVICE_ARN}`,
        iamAction: "ecs:UpdateService",
        resource: SERVICE_ARN,
        action: "Grant ecs:UpdateService to the dashboard's IAM role",
      },
    ],
    [
      new AwsRejectedError("UpdateService", "InvalidParameterException", "TaskDefinition is inactive"),
      502,
      { code: "aws_rejected", message: "UpdateService failed: InvalidParameterException: TaskDefinition is inactive", awsMessage: "TaskDefinition is inactive" },
    ],
    [
      new AwsUnavailableError({ kind: "unreachable", message: "Cannot reach ECS at http://127.0.0.1:1" }),
      503,
      { code: "aws_unavailable", kind: "unreachable", message: "Cannot reach ECS at http://127.0.0.1:1" },
    ],
    [
      new StoreUnavailableError(new Error("connect ECONNREFUSED 127.0.0.1:5432")),
      503,
      {
        code: "store_unavailable",
        message: "The operations database cannot be reached (connect ECONNREFUSED 127.0.0.1:5432); nothing was changed. Try again once it is back.",
        action: "Check DATABASE_URL and that the database is up",
      },
    ],
  ])("%s → %i", (error, status, body) => {
    const described = describeError(error);
    expect(described?.status).toBe(status);
    expect(described?.body.error).toMatchObject(body);
    expect(described?.userFacing.message).toBe(described?.body.error.message);
  });

  it.each([
    [1_000, 1],
    [1_500, 2],
    [10, 1],
  ])("a throttle with retryAfterMs %i answers Retry-After %i", (retryAfterMs, seconds) => {
    const described = describeError(new AwsUnavailableError({ kind: "throttled", message: "AWS throttled us; retrying…" }, retryAfterMs));
    expect(described).toMatchObject({ status: 503, retryAfterSeconds: seconds, body: { error: { code: "aws_unavailable", retryAfterSeconds: seconds } } });
  });

  it.each([
    [{ kind: "throttled", message: "AWS throttled us; retrying…" } as const, 1],
    [{ kind: "unreachable", message: "Cannot reach ECS" } as const, undefined],
  ])("a read's %j answers Retry-After %s", (userFacing, seconds) => {
    expect(describeError(new AwsUnavailableError(userFacing))?.retryAfterSeconds).toBe(seconds);
  });

  it.each([[new Error("boom")], ["a string"], [undefined]])("leaves %s to the caller (a bug: 500)", (error) => {
    expect(describeError(error)).toBeUndefined();
  });
});
