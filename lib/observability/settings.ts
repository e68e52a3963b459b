// The two environment variables of logging and metrics, checked at start-up (instrumentation-node.ts) so a
// typo stops the server naming the variable instead of silently logging at the wrong level or serving no
// metrics. Pure: the logger and the metrics server take what this returns.
import { ConfigError } from "@/lib/config/config-error";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ObservabilitySettings {
  logLevel: LogLevel;
  /** Where /metrics is served; undefined = no metrics server. */
  metricsPort?: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const PORT = /^[0-9]{1,5}$/;

function logLevelOf(raw: string | undefined, problems: string[]): LogLevel {
  const value = raw?.trim().toLowerCase() ?? "";
  if (value === "") return "info";
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  problems.push(`LOG_LEVEL: ${JSON.stringify(raw)} is not a log level; use one of ${LOG_LEVELS.join(", ")}`);
  return "info";
}

function metricsPortOf(env: Env, problems: string[]): number | undefined {
  const raw = env.METRICS_PORT?.trim() ?? "";
  if (raw === "") return undefined;
  const port = PORT.test(raw) ? Number(raw) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    problems.push(`METRICS_PORT: ${JSON.stringify(env.METRICS_PORT)} is not a TCP port (1–65535); leave it unset to serve no metrics`);
    return undefined;
  }
  // The app's port is what the load balancer reaches: metrics must never be served there.
  if (raw === (env.PORT?.trim() || "3000")) {
    problems.push(`METRICS_PORT: ${port} is the dashboard's own port (PORT); metrics need a port the load balancer does not reach`);
    return undefined;
  }
  return port;
}

/** The settings, or a ConfigError with one line per bad variable. */
export function observabilitySettings(env: Env): ObservabilitySettings {
  const problems: string[] = [];
  const logLevel = logLevelOf(env.LOG_LEVEL, problems);
  const metricsPort = metricsPortOf(env, problems);
  if (problems.length > 0) throw new ConfigError(problems.join("\n"));
  return metricsPort === undefined ? { logLevel } : { logLevel, metricsPort };
}

/** The log level to use without failing (a bad LOG_LEVEL has already stopped start-up). */
export function logLevelOrDefault(env: Env): LogLevel {
  return logLevelOf(env.LOG_LEVEL, []);
}
