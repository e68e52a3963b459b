// GET /metrics on its own port (METRICS_PORT), never on the dashboard's: the load balancer forwards only
// the app's port, so the numbers (service names, error codes, call rates) reach Prometheus inside the
// network and nobody outside it. Default process metrics are collected from the moment it starts.
import { createServer, type Server } from "node:http";
import { collectDefaultMetrics } from "prom-client";
import { ignoreInAccessLog } from "./access-log";
import { metrics } from "./metrics";

export async function startMetricsServer(port: number): Promise<Server> {
  const { registry } = metrics();
  collectDefaultMetrics({ register: registry });
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET" || path !== "/metrics") {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Only GET /metrics is served here\n");
      return;
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(body),
      () => response.writeHead(500, { "Content-Type": "text/plain" }).end("Metrics could not be collected\n"),
    );
  });
  // Prometheus scrapes every few seconds: its requests are not the dashboard's traffic.
  ignoreInAccessLog(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}
