// Serves /_sandbox/*: finds the route, validates, runs the handler and maps every failure to a JSON
// {error} with a 4xx, never a stack trace (contributing.md rule 5).
import type { IncomingMessage, ServerResponse } from "node:http";
import { ZodError } from "zod";
import { AwsError } from "../core/aws-error";
import type { SandboxRuntime } from "../runtime";
import { BodyTooLargeError } from "../wire/read-body";
import { ControlError, readJson, sendJson } from "./http-json";
import { controlRequest } from "./request";
import { CONTROL_ROUTES } from "./routes";

export async function handleControlRequest(req: IncomingMessage, res: ServerResponse, runtime: SandboxRuntime): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const route = Object.hasOwn(CONTROL_ROUTES, url.pathname) ? CONTROL_ROUTES[url.pathname] : undefined;
    if (!route) throw new ControlError(404, `No control endpoint ${url.pathname}`);
    const method = req.method ?? "GET";
    const handler = Object.hasOwn(route, method) ? route[method] : undefined;
    if (!handler) {
      res.setHeader("Allow", Object.keys(route).join(", "));
      throw new ControlError(405, `${method} is not allowed on ${url.pathname}; use ${Object.keys(route).join(" or ")}`);
    }
    const body = method === "GET" || method === "DELETE" ? {} : await readJson(req);
    sendJson(res, 200, handler(controlRequest(runtime, url, body)));
  } catch (error) {
    const [status, body] = describeFailure(error);
    if (!res.headersSent) sendJson(res, status, body);
  }
}

function describeFailure(error: unknown): [number, { error: string; code?: string }] {
  if (error instanceof ControlError) return [error.status, { error: error.message }];
  if (error instanceof ZodError) {
    const first = error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
      .join("; ");
    return [400, { error: first }];
  }
  if (error instanceof BodyTooLargeError) return [413, { error: error.message }];
  if (error instanceof AwsError) return [error.httpStatus === 500 ? 500 : 400, { error: error.message, code: error.code }];
  console.error("[sandbox] control API failure:", error);
  return [500, { error: "Internal sandbox error; see the sandbox log" }];
}
