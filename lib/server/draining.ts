// Whether this server process is shutting down (SIGTERM): the readiness probe answers 503 from then on so
// the load balancer stops sending it requests while it hands its follower leases over. Kept on globalThis
// because Next bundles instrumentation, the proxy and each route separately, and they must share one flag.
const KEY = Symbol.for("steady-state.draining");
const holder = globalThis as typeof globalThis & { [KEY]?: { since: Date } };

export function startDraining(now = new Date()): void {
  holder[KEY] ??= { since: now };
}

/** When shutdown began, or undefined while the process serves normally. */
export function drainingSince(): Date | undefined {
  return holder[KEY]?.since;
}
