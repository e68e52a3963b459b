// The fields every log line of one request or one operation carries (request id, actor, operation id),
// without passing a logger through every call: the logger's mixin reads the current context. Kept on
// globalThis because Next bundles instrumentation, the proxy and each route separately.
import { AsyncLocalStorage } from "node:async_hooks";
import { isValidRequestId } from "./request-id";

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

/** The context of one request: its actor, and its id when proxy.ts set a valid one (x-request-id). */
export function requestLogContext(actor: string, requestIdHeader: string | null): LogContext {
  return isValidRequestId(requestIdHeader) ? { actor, requestId: requestIdHeader } : { actor };
}
