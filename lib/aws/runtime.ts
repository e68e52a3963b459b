// Process-wide state of the AWS adapter: caches, the concurrency limiter and clients. It lives on
// globalThis so Next's dev hot reload (which re-evaluates modules) does not drop caches shared by
// all viewers. It is rebuilt when the configuration object changes (tests pass their own).
import pLimit from "p-limit";
import type { AppConfig, EnvironmentConfig } from "@/lib/config";
import { Coalescer, ImmutableCache, TtlCache } from "./cache";
import { createEnvClients, type EnvClients, type SendLimiter } from "./clients";
import { FreshnessTracker } from "./freshness";

// Stale values are served while refreshing for up to this many TTLs; older ones make callers wait.
const MAX_STALE_TTLS = 12;
const MUTABLE_MAX_ENTRIES = 10_000;
// A task definition's status changes only when someone deregisters it, and the overview only flags
// that: checking once a minute (at the default 5 s TTL) rather than on every refresh keeps the
// overview's refresh cost where it was (one DescribeTaskDefinition per running revision per minute).
const STATUS_TTLS = 12;
const STATUS_MAX_ENTRIES = 5_000;
// Writes (RegisterTaskDefinition, UpdateService, StopServiceDeployment) are rare and each holds a
// per-service lock; this bound only keeps a burst of them inside ECS's service-modify bucket (§5).
const WRITE_CONCURRENCY = 4;

export interface AwsRuntime {
  config: AppConfig;
  mutable: TtlCache;
  immutable: ImmutableCache;
  /** Task-definition statuses: mutable, but slow-moving (see STATUS_TTLS). */
  statuses: TtlCache;
  /** Fresh reads (preflight, following a deployment) skip the caches but share identical calls in flight. */
  inflight: Coalescer;
  clients: Map<string, EnvClients>;
  /** Separate slots for reads (`aws.maxConcurrency`) and writes: a write never queues behind reads. */
  limit: SendLimiter;
}

/** What every lib/aws read needs: the runtime, the environment, its clients and the view's freshness tracker. */
export interface EnvScope {
  rt: AwsRuntime;
  env: EnvironmentConfig;
  clients: EnvClients;
  fresh: FreshnessTracker;
}

const KEY = Symbol.for("steady-state.aws-runtime");
const holder = globalThis as typeof globalThis & { [KEY]?: AwsRuntime };

export function awsRuntime(config: AppConfig): AwsRuntime {
  const current = holder[KEY];
  if (current && current.config === config) return current;
  const reads = pLimit(config.aws.maxConcurrency);
  const writes = pLimit(WRITE_CONCURRENCY);
  const ttl = config.cache.mutableTtlMs;
  const runtime: AwsRuntime = {
    config,
    mutable: new TtlCache(ttl, ttl * MAX_STALE_TTLS, MUTABLE_MAX_ENTRIES),
    immutable: new ImmutableCache(config.cache.immutableMaxEntries),
    statuses: new TtlCache(ttl * STATUS_TTLS, ttl * STATUS_TTLS * MAX_STALE_TTLS, STATUS_MAX_ENTRIES, "statuses"),
    inflight: new Coalescer(),
    clients: new Map(),
    limit: (kind, send) => (kind === "write" ? writes : reads)(send),
  };
  holder[KEY] = runtime;
  return runtime;
}

/** The runtime in use, if any read has happened yet. */
export function currentRuntime(): AwsRuntime | undefined {
  return holder[KEY];
}

/** A scope for one environment; clients are created once per environment and reused. */
export function envScope(rt: AwsRuntime, env: EnvironmentConfig, fresh: FreshnessTracker = new FreshnessTracker()): EnvScope {
  let clients = rt.clients.get(env.id);
  if (!clients) {
    clients = createEnvClients(env, rt.config, rt.limit);
    rt.clients.set(env.id, clients);
  }
  return { rt, env, clients, fresh };
}

/** Drops every cache, client and in-flight load (tests call it between cases). */
export function resetAwsCaches(): void {
  const current = holder[KEY];
  if (!current) return;
  current.mutable.clear();
  current.immutable.clear();
  current.statuses.clear();
  current.inflight.clear();
  for (const c of current.clients.values()) {
    c.ecs.destroy();
    c.ecr.destroy();
  }
  delete holder[KEY];
}

/** Cache key for `parts` in the scope's environment; every key starts with `<envId>|`. */
export function cacheKey(scope: EnvScope, ...parts: string[]): string {
  return [scope.env.id, ...parts].join("|");
}

/**
 * Builds the runtime and every environment's clients ahead of the first request (called at server
 * start), so the first person to open the dashboard during an incident does not pay for loading the
 * SDK. Makes no AWS call.
 */
export function prepareClients(config: AppConfig): void {
  const rt = awsRuntime(config);
  for (const env of config.environments) envScope(rt, env);
}
