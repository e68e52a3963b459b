// The one shape of every /api/v1 route handler: authenticate and check the route's minimum role,
// resolve and validate the params, run one query or verb, answer JSON (Dates become ISO strings). The
// role is an argument, so a new route cannot forget it. Errors are answered through lib/errors' one
// mapping (`{error: {code, message, ...}}` with 400/401/403/404/409/422/502/503), never a stack trace;
// anything else is logged and answered 500 internal.
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { authorize } from "@/lib/auth/require-role";
import type { Role } from "@/lib/domain/roles";
import { ConfigError, getConfig } from "@/lib/config";
import { AwsUnavailableError, describeError, ForbiddenError, UnauthenticatedError, type ErrorBody, type UserFacingError } from "@/lib/errors";
import { log, REQUEST_ID_HEADER, requestLogContext, withLogContext } from "@/lib/observability";

export type ApiErrorBody = ErrorBody | { error: { code: "config_error" | "internal"; message: string } };

/** Next passes `params` only to routes with dynamic segments: `/api/v1/services` gets none. */
export type RouteContext<P> = { params?: Promise<P> };

export function errorResponse(status: number, body: ApiErrorBody, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** AWS could not answer for the whole request: 503 with what happened and what to do. */
export function unavailable(error: UserFacingError): Response {
  return toErrorResponse(new AwsUnavailableError(error));
}

export function toErrorResponse(error: unknown): Response {
  const described = describeError(error);
  if (described) {
    const headers: Record<string, string> = {};
    if (described.retryAfterSeconds !== undefined) headers["Retry-After"] = String(described.retryAfterSeconds);
    // 401 tells scripts what to send.
    if (described.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="steady-state"';
    return errorResponse(described.status, described.body, headers);
  }
  if (error instanceof ConfigError) return errorResponse(500, { error: { code: "config_error", message: error.message } });
  log().error({ err: error }, "api/v1: unexpected error");
  return errorResponse(500, { error: { code: "internal", message: "Internal error; see the server log" } });
}

/** 401 for the proxy: no session and no valid token. */
export function unauthenticatedResponse(message = "Sign in first (or send Authorization: Bearer <token>)"): Response {
  return toErrorResponse(new UnauthenticatedError(message));
}

export function forbiddenResponse(message: string): Response {
  return toErrorResponse(new ForbiddenError(message));
}

/** Route params may arrive percent-encoded (`sha256%3A…`, `team%2Fapi`); the proxy has refused malformed ones. */
function decodeParams(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => {
      try {
        return [k, decodeURIComponent(v)];
      } catch {
        return [k, v];
      }
    }),
  );
}

/**
 * Builds a handler that answers only actors with at least `minRole` (session cookie or bearer token):
 * `run` gets the request, the decoded params and the actor; its value is the JSON body (or a Response).
 */
export function apiRoute<P extends Record<string, string>>(
  minRole: Role,
  run: (request: Request, params: Record<string, string>, actor: Actor) => Promise<unknown>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const actor = authorize(await authenticate(request.headers, getConfig()), minRole);
      // Log lines of this request (the verb's, its AWS calls') carry its id (set by proxy.ts) and the actor.
      const fields = requestLogContext(actor.name, request.headers.get(REQUEST_ID_HEADER));
      const result = await withLogContext(fields, async () => run(request, decodeParams((await context.params) ?? {}), actor));
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
