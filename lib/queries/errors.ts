// Errors a read can end in. NotFoundError and BadRequestError are thrown (routes turn them into
// 404/400); UserFacingError is plain data embedded in a view section or returned as a 503 body, so
// the UI can show "what happened and what to do" without a stack trace.

/** An AWS failure explained for a human. */
export interface UserFacingError {
  kind: "throttled" | "access-denied" | "not-found" | "unreachable" | "unknown";
  /** What happened, e.g. "AWS throttled us; retrying…" or "Cannot reach ECS at http://127.0.0.1:4566". */
  message: string;
  /** What to do about it, e.g. "Grant ecs:DescribeServices to the dashboard's role". */
  action?: string;
}

export type NotFoundWhat = "environment" | "cluster" | "service" | "repository" | "image";

/** The environment, cluster, service, repository or image named in the request does not exist. */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  constructor(
    readonly what: NotFoundWhat,
    readonly resource: string,
  ) {
    super(`Unknown ${what} "${resource}"`);
  }
}

/** Input (route params, query string) failed validation; the message names the field. */
export class BadRequestError extends Error {
  override readonly name = "BadRequestError";
}

/** Thrown when AWS could not answer a request at all (every section failed); carries the explanation. */
export class AwsUnavailableError extends Error {
  override readonly name = "AwsUnavailableError";
  constructor(readonly userFacing: UserFacingError) {
    super(userFacing.message);
  }
}
