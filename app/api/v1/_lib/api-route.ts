// The one shape of every /api/v1 route handler: resolve and validate the params, run one query,
// answer JSON (Dates become ISO strings). Errors map to a small envelope, never a stack trace:
// 400 bad_request, 404 not_found, 503 aws_unavailable (with the UserFacingError), 500 internal.
// Authentication will wrap the returned handler (requireRole) without changing this shape.
import { ConfigError } from "@/lib/config";
import { AwsUnavailableError, BadRequestError, NotFoundError, type UserFacingError } from "@/lib/queries/errors";

export interface ApiErrorBody {
  error: { code: "bad_request" | "not_found" | "aws_unavailable" | "config_error" | "internal"; message: string } & Partial<UserFacingError>;
}

/** Next passes `params` only to routes with dynamic segments: `/api/v1/services` gets none. */
export type RouteContext<P> = { params?: Promise<P> };

export function errorResponse(status: number, body: ApiErrorBody): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** AWS could not answer for the whole request: 503 with what happened and what to do. */
export function unavailable(error: UserFacingError): Response {
  return errorResponse(503, { error: { code: "aws_unavailable", ...error } });
}

function toErrorResponse(error: unknown): Response {
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
