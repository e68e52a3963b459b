// The errors a request can end in, for reads and writes alike. They live below lib/aws, lib/queries
// and lib/deploy so every layer throws the same types, and one mapping (http.ts) turns them into
// responses. Pure: no I/O. UserFacingError is plain data (embedded in a view section or a JSON body);
// the classes are thrown.

/** An AWS failure explained for a human. */
export interface UserFacingError {
  kind: "throttled" | "access-denied" | "not-found" | "unreachable" | "unknown";
  /** What happened, e.g. "AWS throttled us; retrying…" or "Cannot reach ECS at http://127.0.0.1:4566". */
  message: string;
  /** What to do about it, e.g. "Grant ecs:DescribeServices to the dashboard's role". */
  action?: string;
}

export type NotFoundWhat =
  | "environment"
  | "cluster"
  | "service"
  | "repository"
  | "image"
  | "revision"
  | "operation"
  | "service-deployment";

/** The thing named in the request does not exist. */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  constructor(
    readonly what: NotFoundWhat,
    readonly resource: string,
  ) {
    super(`Unknown ${what} "${resource}"`);
  }
}

/** Input (route params, query string, body) failed validation; the message names the field. */
export class BadRequestError extends Error {
  override readonly name = "BadRequestError";
}

/** No session and no valid API token. */
export class UnauthenticatedError extends Error {
  override readonly name = "UnauthenticatedError";
  constructor(message = "Sign in (or send an API token) to do this") {
    super(message);
  }
}

/** Signed in, but the role does not allow it; the message names the role needed. */
export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
}

export type ConflictReason = "lock-held" | "stale-view" | "in-progress";

/** The request clashes with the current state: someone holds the service's lock, or the caller's view is out of date. */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
  constructor(
    readonly reason: ConflictReason,
    message: string,
    /** What the caller needs to see, e.g. `{heldBy, since}` or `{expected, actual}`; must be JSON-safe. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** One failed preflight check, e.g. `{check: "scan-gate", message: "image has 2 CRITICAL findings"}`. */
export interface BlockingCheck {
  check: string;
  message: string;
  container?: string;
}

/** Preflight found a reason not to change anything (CRITICAL finding, archived image…). */
export class PreflightBlockedError extends Error {
  override readonly name = "PreflightBlockedError";
  constructor(readonly checks: BlockingCheck[]) {
    super(`Blocked by preflight: ${checks.map((c) => c.message).join("; ")}`);
  }
}

/** AWS refused the dashboard's role an action: names the IAM action and, when AWS said, the resource. */
export class AwsAccessDeniedError extends Error {
  override readonly name = "AwsAccessDeniedError";
  constructor(
    readonly iamAction: string | undefined,
    readonly resource: string | undefined,
    readonly awsMessage: string,
  ) {
    super(
      iamAction
        ? `Access denied: the dashboard's role may not call ${iamAction}${resource ? ` on ${resource}` : ""}`
        : `Access denied by AWS: ${awsMessage}`,
    );
  }
}

/** AWS refused a request for a reason of its own (invalid parameter, inactive task definition…); keeps AWS's words. */
export class AwsRejectedError extends Error {
  override readonly name = "AwsRejectedError";
  constructor(
    readonly operation: string,
    readonly awsCode: string,
    readonly awsMessage: string,
  ) {
    super(`${operation} failed: ${awsCode}: ${awsMessage}`);
  }
}

/**
 * How long to leave AWS alone after a throttle that outlasted the SDK's own backoff (standard mode):
 * ECS refills its service-modify bucket at ~5/s and its read buckets at ~20/s (aws-behaviour.md §5).
 */
export const THROTTLED_RETRY_AFTER_MS = 1_000;

/** AWS could not answer (throttled after retries, unreachable, unknown failure); carries the explanation. */
export class AwsUnavailableError extends Error {
  override readonly name = "AwsUnavailableError";
  constructor(
    readonly userFacing: UserFacingError,
    /** How long a caller should wait before trying again, when AWS throttled us. */
    readonly retryAfterMs?: number,
  ) {
    super(userFacing.message);
  }
}

/** The operations store (lib/store) cannot be reached: a change is refused before any AWS call. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
  constructor(cause: unknown) {
    super(
      `The operations database cannot be reached (${cause instanceof Error ? cause.message : String(cause)}); nothing was changed. Try again once it is back.`,
      { cause },
    );
  }
}
