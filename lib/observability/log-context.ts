// The fields every log line of one request or one operation carries (request id, actor, operation id),
// without passing a logger through every call: the logger's mixin reads the current context. Kept on
// globalThis because Next bundles instrumentation, the proxy and each route separately.
import { AsyncLocalStorage } from "node:async_hooks";

export interface LogContext {
  requestId?: string;
  actor?: string;
  operationId?: string;
}

const KEY = Symbol.for("steady-state.log-context");
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<LogContext> };
const storage = (holder[KEY] ??= new AsyncLocalStorage<LogContext>());

/** Runs `work` with `fields` added to the current context (inner values win). */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
