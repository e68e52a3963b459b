// The one logger: JSON lines on stdout (pino), one per event, with the request id, actor and operation id
// of the context they happen in (log-context.ts). Secrets never reach it: callers log named fields, never
// raw headers, and `redact` censors the paths where a token, cookie or secret could still slip in.
// Synchronous writes, so a line logged just before process.exit is not lost.
import pino, { type DestinationStream, type Logger } from "pino";
import { currentLogContext } from "./log-context";
import { logLevelOrDefault, type LogLevel } from "./settings";

const SECRET_KEYS = ["authorization", "cookie", "set-cookie", "token", "secret", "password", "NEXTAUTH_SECRET", "clientSecret", "x-amz-security-token"];
export const REDACTED_PATHS = [
  ...SECRET_KEYS.map((key) => `["${key}"]`),
  ...SECRET_KEYS.map((key) => `*["${key}"]`),
  ...SECRET_KEYS.map((key) => `*.headers["${key}"]`),
];

const KEY = Symbol.for("steady-state.logger");
const holder = globalThis as typeof globalThis & { [KEY]?: Logger };

/** A logger writing to `destination` (tests pass a stream; the server uses stdout). */
export function createLogger(level: LogLevel, destination: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin: () => ({ ...currentLogContext() }),
    },
    destination,
  );
}

/** The process's logger (created on first use, at LOG_LEVEL). */
export function log(): Logger {
  return (holder[KEY] ??= createLogger(logLevelOrDefault(process.env), pino.destination({ dest: 1, sync: true })));
}

/** For libraries that take a `(message, error)` callback (the follower). */
export function logError(message: string, error?: unknown): void {
  log().error(error === undefined ? {} : { err: error }, message);
}
