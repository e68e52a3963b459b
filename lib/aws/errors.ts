// SDK errors → UserFacingError: what happened and what to do, never a stack trace (reads), or →
// the typed errors of lib/errors (writes and fresh reads, `toTypedAwsError`). Also the small
// predicates the readers use to turn "not found" codes into absent values.
import { AwsAccessDeniedError, AwsRejectedError, AwsUnavailableError, THROTTLED_RETRY_AFTER_MS, type UserFacingError } from "@/lib/errors";
import { endpointFor } from "./clients";

const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "RequestThrottled",
  "RequestThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "LimitExceededException",
]);
const NOT_FOUND = /NotFoundException$/;
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "EPIPE"]);

interface ErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
}

function shape(error: unknown): ErrorShape {
  return typeof error === "object" && error !== null ? (error as ErrorShape) : { message: String(error) };
}

/** True when `error` is an AWS error with code `code` (SDK v3 puts the code in `name`). */
export function hasErrorCode(error: unknown, ...codes: string[]): boolean {
  const name = shape(error).name;
  return name !== undefined && codes.includes(name);
}

/** The IAM action named by an AccessDenied message ("… is not authorized to perform: ecs:UpdateService on …"). */
export function missingIamAction(message: string): string | undefined {
  return /perform: ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}

/** The resource named by an AccessDenied message ("… on resource: arn:aws:ecs:…:service/prod/web"). */
export function deniedResource(message: string): string | undefined {
  return /on resource: (\S+?)[.,]?(?:\s|$)/.exec(message)?.[1];
}

function isThrottling(e: ErrorShape): boolean {
  return THROTTLING.has(e.name ?? "") || e.$metadata?.httpStatusCode === 429;
}

function isAccessDenied(e: ErrorShape): boolean {
  return e.name === "AccessDeniedException" || e.name === "AccessDenied" || e.name === "UnauthorizedOperation";
}

/**
 * An error of an ECS/ECR `operation` as a typed lib/errors error, for writes and fresh reads whose
 * callers act on the kind: AccessDenied names the IAM action and resource; throttling (after the
 * SDK's own retries) says how long to back off; AWS refusing the request keeps AWS's code and
 * message; anything else (unreachable, server errors) is AwsUnavailableError.
 */
export function toTypedAwsError(error: unknown, operation: string, service: "ecs" | "ecr", region: string): Error {
  if (error instanceof AwsAccessDeniedError || error instanceof AwsRejectedError || error instanceof AwsUnavailableError) return error;
  const e = shape(error);
  const message = e.message ?? "";
  if (isAccessDenied(e)) return new AwsAccessDeniedError(missingIamAction(message), deniedResource(message), message);
  if (isThrottling(e)) return new AwsUnavailableError(toUserFacingError(error, service, region), THROTTLED_RETRY_AFTER_MS);
  if (e.$fault === "client" && e.name) return new AwsRejectedError(operation, e.name, message);
  return new AwsUnavailableError(toUserFacingError(error, service, region));
}

/** Explains an error from an ECS (`service: "ecs"`) or ECR call in `region`. */
export function toUserFacingError(error: unknown, service: "ecs" | "ecr", region: string): UserFacingError {
  const e = shape(error);
  const name = e.name ?? "Error";
  const message = e.message ?? "";
  const label = service.toUpperCase();
  if (error instanceof AwsUnavailableError) return error.userFacing;
  if (isThrottling(e)) {
    return { kind: "throttled", message: "AWS throttled us; retrying…", action: `${label} is rate-limiting this account; the page refreshes by itself` };
  }
  if (isAccessDenied(e)) {
    const action = missingIamAction(message);
    return {
      kind: "access-denied",
      message: action ? `Access denied: the dashboard's role may not call ${action}` : `Access denied by ${label}: ${message}`,
      action: action ? `Grant ${action} to the dashboard's IAM role` : "Check the dashboard's IAM policy (docs: read-only policy)",
    };
  }
  if (NOT_FOUND.test(name)) {
    return { kind: "not-found", message: message || `${name.replace(/Exception$/, "")} in ${label}` };
  }
  const code = e.code ?? "";
  if (NETWORK_CODES.has(code) || name === "TimeoutError" || name === "RequestTimeout" || /ECONNREFUSED|socket hang up/.test(message)) {
    return {
      kind: "unreachable",
      message: `Cannot reach ${label} at ${endpointFor(service, region)}`,
      action: "Check the network, the region and the AWS_ENDPOINT_URL_* settings",
    };
  }
  return { kind: "unknown", message: `${label} error ${name}: ${message}`.trim() };
}

/** Runs one ECS/ECR call of a write or fresh read, rethrowing its failure as a typed lib/errors error. */
export async function typedAwsCall<T>(service: "ecs" | "ecr", operation: string, region: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toTypedAwsError(error, operation, service, region);
  }
}
