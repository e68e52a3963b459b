// What every deploy verb runs with: who asks (already authenticated; the verb checks the role again),
// the configuration, the store, a clock, and a way to wake the follower once an operation has started.
// Routes and server actions build it with deployContext(); tests pass their own store, config and clock.
import type { Actor } from "@/lib/auth/actor";
import { awsRuntime, envScope, type EnvScope } from "@/lib/aws";
import { getConfig, type AppConfig } from "@/lib/config";
import { StoreUnavailableError } from "@/lib/errors";
import { assertClusterAllowed, findEnvironment } from "@/lib/queries/context";
import { assertReachable, getStore, type Store } from "@/lib/store";
import type { ServiceRef } from "./operation-input";

export interface DeployContext {
  actor: Actor;
  config: AppConfig;
  store: Store;
  now: () => Date;
  /** Called after an operation's deployment has started, so the follower looks at it now rather than on its next tick. */
  wake: () => void;
}

export interface DeployContextOptions {
  config?: AppConfig;
  store?: Store;
  now?: () => Date;
  wake?: () => void;
}

const KEY = Symbol.for("steady-state.follower-wake");
const holder = globalThis as typeof globalThis & { [KEY]?: () => void };

/** The server's follower registers how to wake it (instrumentation-node.ts); verbs call it through the context. */
export function registerFollowerWake(wake: () => void): void {
  holder[KEY] = wake;
}

/** The server's store, answering: a database that is down is a 503 before any verb reads AWS or writes anything. */
async function reachableServerStore(): Promise<Store> {
  const store = await getStore().catch((error: unknown) => {
    throw new StoreUnavailableError(error);
  });
  await assertReachable(store);
  return store;
}

export async function deployContext(actor: Actor, opts: DeployContextOptions = {}): Promise<DeployContext> {
  return {
    actor,
    config: opts.config ?? getConfig(),
    store: opts.store ?? (await reachableServerStore()),
    now: opts.now ?? (() => new Date()),
    wake: opts.wake ?? (() => holder[KEY]?.()),
  };
}

/** The AWS scope of the service's environment; 404 for an environment or cluster the configuration does not show. */
export function serviceScope(ctx: Pick<DeployContext, "config">, ref: ServiceRef): EnvScope {
  const env = findEnvironment(ctx, ref.env);
  assertClusterAllowed(env, ref.cluster);
  return envScope(awsRuntime(ctx.config), env);
}
