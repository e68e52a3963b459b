// One JSON line per HTTP request the server answers: method, path (never the query string, which may carry
// a token), status, duration and the request id proxy.ts put on the response. It listens on Node's own
// http diagnostics channels, so it needs nothing from Next's internals and sees every answer, including
// the ones the proxy gives itself (401, 400) and static files.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { log } from "./logger";

interface HttpEvent {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

const started = new WeakMap<IncomingMessage, bigint>();
const ignored = new WeakSet<Server>();

export function ignoreInAccessLog(server: Server): void {
  ignored.add(server);
}

function onStart(message: unknown): void {
  const { request, server } = message as HttpEvent;
  if (!ignored.has(server)) started.set(request, process.hrtime.bigint());
}

function onFinish(message: unknown): void {
  const { request, response } = message as HttpEvent;
  const start = started.get(request);
  if (start === undefined) return;
  const requestId = response.getHeader("x-request-id");
  log().info(
    {
      requestId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      path: (request.url ?? "").split("?")[0],
      status: response.statusCode,
      durationMs: Number(process.hrtime.bigint() - start) / 1e6,
    },
    "request",
  );
}

const KEY = Symbol.for("steady-state.access-log");
const holder = globalThis as typeof globalThis & { [KEY]?: true };

/** Subscribes once per process. */
export function startAccessLog(): void {
  if (holder[KEY]) return;
  holder[KEY] = true;
  subscribe("http.server.request.start", onStart);
  subscribe("http.server.response.finish", onFinish);
}
