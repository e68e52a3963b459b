// SDK errors → UserFacingError: what happened and what to do, never a stack trace. Also the small
// predicates the readers use to turn "not found" codes into absent values.
import { AwsUnavailableError, type UserFacingError } from "@/lib/queries/errors";
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

/** Explains an error from an ECS (`service: "ecs"`) or ECR call in `region`. */
export function toUserFacingError(error: unknown, service: "ecs" | "ecr", region: string): UserFacingError {
  const e = shape(error);
  const name = e.name ?? "Error";
  const message = e.message ?? "";
  const label = service.toUpperCase();
  if (error instanceof AwsUnavailableError) return error.userFacing;
  if (THROTTLING.has(name) || e.$metadata?.httpStatusCode === 429) {
    return { kind: "throttled", message: "AWS throttled us; retrying…", action: `${label} is rate-limiting this account; the page refreshes by itself` };
  }
  if (name === "AccessDeniedException" || name === "AccessDenied" || name === "UnauthorizedOperation") {
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
