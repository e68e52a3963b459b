// lib/observability: structured logs (pino), Prometheus metrics (prom-client) and the readiness facts they
// share. Below every other room in lib/ but config's errors: anything may log or count; it imports no layer
// that does I/O for the app (eslint.config.mjs).
export { log, logError } from "./logger";
export { withLogContext, currentLogContext, requestLogContext, type LogContext } from "./log-context";
export { metrics, type Metrics } from "./metrics";
export { recordAwsCall, type AwsCall } from "./aws-calls";
export { observabilitySettings, LOG_LEVELS, type LogLevel, type ObservabilitySettings } from "./settings";
export { isValidRequestId, requestIdFor, REQUEST_ID_HEADER } from "./request-id";
