// The one shape of every /api/v1 route handler: resolve and validate the params, run one query,
// answer JSON (Dates become ISO strings). Errors are answered through lib/errors' one mapping
// (`{error: {code, message, ...}}` with 400/401/403/404/409/422/502/503), never a stack trace;
// anything else is logged and answered 500 internal.
// Authentication will wrap the returned handler (requireRole) without changing this shape.
import { ConfigError } from "@/lib/config";
import { AwsUnavailableError, describeError, type ErrorBody, type UserFacingError } from "@/lib/errors";

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
    const retry = described.retryAfterSeconds;
    return errorResponse(described.status, described.body, retry === undefined ? {} : { "Retry-After": String(retry) });
  }
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

/** Builds a GET handler: `run` gets the request and the decoded params; its value is the JSON body (or a Response). */
export function apiRoute<P extends Record<string, string>>(
  run: (request: Request, params: Record<string, string>) => Promise<unknown>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const result = await run(request, decodeParams((await context.params) ?? {}));
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
