// The one mapping from the error types in kinds.ts to what the user gets: an HTTP status and JSON
// body `{error: {code, message, ...}}` for API routes, the same body for server actions, and a
// UserFacingError (what happened, what to do) for pages. Unknown errors map to nothing: the caller
// logs them and answers a generic 500 without the stack.
import {
  AwsAccessDeniedError,
  AwsRejectedError,
  AwsUnavailableError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreflightBlockedError,
  StoreUnavailableError,
  THROTTLED_RETRY_AFTER_MS,
  UnauthenticatedError,
  type UserFacingError,
} from "./kinds";

export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "preflight_blocked"
  | "aws_access_denied"
  | "aws_rejected"
  | "aws_unavailable"
  | "store_unavailable";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; action?: string } & Record<string, unknown>;
}

export interface DescribedError {
  status: 400 | 401 | 403 | 404 | 409 | 422 | 502 | 503;
  body: ErrorBody;
  /** For pages: what happened and what to do. */
  userFacing: UserFacingError;
  /** Set for throttling: the `Retry-After` an API answer carries. */
  retryAfterSeconds?: number;
}

function described(status: DescribedError["status"], code: ErrorCode, message: string, extra: Record<string, unknown> = {}, action?: string): DescribedError {
  const body: ErrorBody = { error: { code, message, ...extra } };
  if (action) body.error.action = action;
  const kind: UserFacingError["kind"] = status === 404 ? "not-found" : code === "aws_access_denied" ? "access-denied" : "unknown";
  return { status, body, userFacing: action ? { kind, message, action } : { kind, message } };
}

function awsUnavailable(error: AwsUnavailableError): DescribedError {
  const retryAfterMs = error.retryAfterMs ?? (error.userFacing.kind === "throttled" ? THROTTLED_RETRY_AFTER_MS : undefined);
  const retryAfterSeconds = retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(retryAfterMs / 1000));
  const body: ErrorBody = { error: { code: "aws_unavailable", ...error.userFacing } };
  if (retryAfterSeconds !== undefined) body.error.retryAfterSeconds = retryAfterSeconds;
  return { status: 503, body, userFacing: error.userFacing, ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) };
}

/** How `error` is answered, or undefined when it is not one of ours (a bug: log it, answer 500). */
export function describeError(error: unknown): DescribedError | undefined {
  if (error instanceof BadRequestError) return described(400, "bad_request", error.message);
  if (error instanceof UnauthenticatedError) return described(401, "unauthenticated", error.message);
  if (error instanceof ForbiddenError) return described(403, "forbidden", error.message);
  if (error instanceof NotFoundError) return described(404, "not_found", error.message, { what: error.what, resource: error.resource });
  if (error instanceof ConflictError) return described(409, "conflict", error.message, { reason: error.reason, ...error.details });
  if (error instanceof PreflightBlockedError) return described(422, "preflight_blocked", error.message, { checks: error.checks });
  if (error instanceof AwsAccessDeniedError) {
    const action = error.iamAction ? `Grant ${error.iamAction} to the dashboard's IAM role` : "Check the dashboard's IAM policy";
    return described(403, "aws_access_denied", error.message, { iamAction: error.iamAction, resource: error.resource }, action);
  }
  if (error instanceof AwsRejectedError) {
    return described(502, "aws_rejected", error.message, { operation: error.operation, awsCode: error.awsCode, awsMessage: error.awsMessage });
  }
  if (error instanceof AwsUnavailableError) return awsUnavailable(error);
  if (error instanceof StoreUnavailableError) return described(503, "store_unavailable", error.message, {}, "Check DATABASE_URL and that the database is up");
  return undefined;
}
