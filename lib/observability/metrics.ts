// The Prometheus metrics (prom-client), one registry per process. Kept on globalThis because Next bundles
// instrumentation and each route separately and every bundle must count into the same registry.
// Recording is a counter increment or a histogram observation: no I/O, nothing awaited, so it adds no
// latency to the paths it measures. Served only on METRICS_PORT (metrics-server.ts).
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  operations: Counter<"action" | "outcome">;
  outcomeLag: Histogram<never>;
  awsCalls: Counter<"service" | "operation" | "error_code">;
  awsCallDuration: Histogram<"service" | "operation">;
  cacheHits: Counter<"cache">;
  cacheMisses: Counter<"cache">;
  leasesHeld: Gauge<never>;
}

function create(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    operations: new Counter({ name: "steadystate_operations_total", help: "Operations (rollback, deploy, stop) that ended, by action and outcome", labelNames: ["action", "outcome"], registers }),
    outcomeLag: new Histogram({
      name: "steadystate_operation_outcome_lag_seconds",
      help: "Seconds from ECS finishing an operation's deployment (its own finishedAt) to the dashboard recording the outcome",
      buckets: [0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60],
      registers,
    }),
    awsCalls: new Counter({ name: "steadystate_aws_calls_total", help: "AWS API calls (retries included in one call), by service, operation and error code (none = success)", labelNames: ["service", "operation", "error_code"], registers }),
    awsCallDuration: new Histogram({
      name: "steadystate_aws_call_duration_seconds",
      help: "Duration of AWS API calls, the SDK's retries included",
      labelNames: ["service", "operation"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    cacheHits: new Counter({ name: "steadystate_cache_hits_total", help: "AWS read-cache lookups answered from the cache (fresh or served stale while refreshing), by cache", labelNames: ["cache"], registers }),
    cacheMisses: new Counter({ name: "steadystate_cache_misses_total", help: "AWS read-cache lookups that waited for AWS, by cache", labelNames: ["cache"], registers }),
    leasesHeld: new Gauge({ name: "steadystate_follower_leases_held", help: "Operations this replica's follower holds the lease of (follows)", registers }),
  };
}

const KEY = Symbol.for("steady-state.metrics");
const holder = globalThis as typeof globalThis & { [KEY]?: Metrics };

export function metrics(): Metrics {
  return (holder[KEY] ??= create());
}
