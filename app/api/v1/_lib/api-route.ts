// The one shape of every /api/v1 route handler: authenticate and check the route's minimum role,
// resolve and validate the params, run one query, answer JSON (Dates become ISO strings). The role is
// an argument, so a new route cannot forget it. Errors map to a small envelope, never a stack trace:
// 400 bad_request, 401 unauthenticated, 403 forbidden, 404 not_found, 503 aws_unavailable (with the
// UserFacingError), 500 internal.
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { authorize, ForbiddenError, UnauthenticatedError } from "@/lib/auth/guards";
import type { Role } from "@/lib/auth/roles";
import { ConfigError, getConfig } from "@/lib/config";
import { AwsUnavailableError, BadRequestError, NotFoundError, type UserFacingError } from "@/lib/queries/errors";

export interface ApiErrorBody {
  error: {
    code: "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "aws_unavailable" | "config_error" | "internal";
    message: string;
  } & Partial<UserFacingError>;
}

/** Next passes `params` only to routes with dynamic segments: `/api/v1/services` gets none. */
export type RouteContext<P> = { params?: Promise<P> };

export function errorResponse(status: number, body: ApiErrorBody, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** 401: no session and no valid token. WWW-Authenticate tells scripts what to send. */
export function unauthenticatedResponse(message = new UnauthenticatedError().message): Response {
  return errorResponse(401, { error: { code: "unauthenticated", message } }, { "WWW-Authenticate": 'Bearer realm="steady-state"' });
}

export function forbiddenResponse(message: string): Response {
  return errorResponse(403, { error: { code: "forbidden", message } });
}

/** AWS could not answer for the whole request: 503 with what happened and what to do. */
export function unavailable(error: UserFacingError): Response {
  return errorResponse(503, { error: { code: "aws_unavailable", ...error } });
}

function toErrorResponse(error: unknown): Response {
  if (error instanceof UnauthenticatedError) return unauthenticatedResponse(error.message);
  if (error instanceof ForbiddenError) return forbiddenResponse(error.message);
  if (error instanceof BadRequestError) return errorResponse(400, { error: { code: "bad_request", message: error.message } });
  if (error instanceof NotFoundError) return errorResponse(404, { error: { code: "not_found", message: error.message } });
  if (error instanceof AwsUnavailableError) return unavailable(error.userFacing);
  if (error instanceof ConfigError) return errorResponse(500, { error: { code: "config_error", message: error.message } });
  console.error("api/v1: unexpected error", error);
  return errorResponse(500, { error: { code: "internal", message: "Internal error; see the server log" } });
}

/** Route params may arrive percent-encoded (`sha256%3A…`, `team%2Fapi`). */
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
      const result = await run(request, decodeParams((await context.params) ?? {}), actor);
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
