// The sandbox HTTP server: AWS JSON 1.1 calls on POST /, the control API under /_sandbox/, one port.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleControlRequest } from "./control/handle-control-request";
import { sendJson } from "./control/http-json";
import { createRuntime, resetRuntime, type SandboxRuntime } from "./runtime";
import type { ScenarioName } from "./seed/scenarios";
import { handleAwsRequest } from "./wire/handle-aws-request";

export interface SandboxOptions {
  /** 0 picks a free port. Default 4566. */
  port?: number;
  host?: string;
  /** Sandbox seconds per wall second (default 1). */
  timeScale?: number;
  /** Start with the clock frozen: it then moves only through the control API (tests). */
  frozen?: boolean;
  /** Sandbox epoch ms at start (default: now). */
  startAt?: number;
  scenario?: ScenarioName;
  /** Options of the scenario, e.g. the sizes of "scale". */
  scenarioOptions?: unknown;
}

export interface RunningSandbox {
  port: number;
  url: string;
  runtime: SandboxRuntime;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const scenario = options.scenario ?? "demo";
  const runtime = createRuntime({ timeScale: options.timeScale, frozen: options.frozen, startAt: options.startAt }, scenario);
  resetRuntime(runtime, scenario, options.scenarioOptions);

  const server = createServer((req, res) => {
    route(req, res, runtime).catch((error: unknown) => {
      // The handlers catch their own failures; this is the last guard that keeps the process alive.
      console.error("[sandbox] unhandled request failure:", error);
      if (!res.headersSent) sendJson(res, 500, { error: "Internal sandbox error" });
      else res.destroy();
    });
  });
  // Malformed HTTP (not just a malformed body) must not take the server down either.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4566, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    runtime,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function route(req: IncomingMessage, res: ServerResponse, runtime: SandboxRuntime): Promise<void> {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/_sandbox" || path.startsWith("/_sandbox/")) return handleControlRequest(req, res, runtime);
  if (req.method === "POST" && path === "/") return handleAwsRequest(req, res, runtime);
  sendJson(res, 404, { error: `Nothing at ${req.method ?? "GET"} ${path}: AWS calls are POST /, the control API is under /_sandbox/` });
  return Promise.resolve();
}
