// The HTTP servers of this process and the requests they are still answering, learnt from Node's
// diagnostics_channel ('http.server.request.start' hands over the request, its response and the server)
// instead of Next internals: `next start` and the standalone server.js make their server themselves and
// give it to nobody. Shutdown uses this to stop accepting connections and wait for in-flight requests.
// While draining, every response says `Connection: close`, so a keep-alive client (the load balancer)
// opens its next connection to another replica instead of reusing this one.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { drainingSince } from "./draining";

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

interface Tracked {
  servers: Set<Server>;
  open: Set<ServerResponse>;
}

const KEY = Symbol.for("steady-state.in-flight");
const holder = globalThis as typeof globalThis & { [KEY]?: Tracked };

function closeAfterAnswer(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader("Connection", "close");
}

/** Starts watching this process's HTTP servers (once per process; later calls do nothing). */
export function trackHttpRequests(): void {
  if (holder[KEY]) return;
  const tracked: Tracked = { servers: new Set(), open: new Set() };
  holder[KEY] = tracked;
  subscribe("http.server.request.start", (message) => {
    const { response, server } = message as RequestStart;
    tracked.servers.add(server);
    tracked.open.add(response);
    // 'close' fires when the answer is sent and when the client went away first: either way it is done.
    response.once("close", () => tracked.open.delete(response));
    if (drainingSince()) closeAfterAnswer(response);
  });
}

const state = (): Tracked => holder[KEY] ?? { servers: new Set(), open: new Set() };

/** Stops every known server accepting connections and closes its idle keep-alive ones. Returns how many servers. */
export function stopAccepting(): number {
  const { servers, open } = state();
  for (const response of open) closeAfterAnswer(response);
  for (const server of servers) {
    server.close();
    server.closeIdleConnections();
  }
  return servers.size;
}

/** Resolves once no request is being answered, or after `graceMs`, with how many are still open. */
export async function inFlightAfter(graceMs: number): Promise<number> {
  const { open } = state();
  const until = Date.now() + graceMs;
  while (open.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return open.size;
}

/** Drops every connection still open (after the grace). */
export function closeAllConnections(): void {
  for (const server of state().servers) server.closeAllConnections();
}
