// Per-call context of a query: the configuration, the shared AWS runtime, the clock and the
// freshness tracker the view's asOf/stale come from. Tests pass their own config and clock
// (the sandbox's); pages and routes use the defaults.
import { awsRuntime, envScope, FreshnessTracker, toUserFacingError, type AwsRuntime, type EnvScope } from "@/lib/aws";
import { getConfig, type AppConfig, type EnvironmentConfig } from "@/lib/config";
import { AwsUnavailableError, NotFoundError } from "@/lib/errors";
import type { Freshness } from "./types";

export interface QueryOptions {
  /** Defaults to getConfig(). */
  config?: AppConfig;
  /** The time rollouts and lifecycle rules are judged at; defaults to now. */
  now?: Date;
}

export interface QueryContext {
  config: AppConfig;
  rt: AwsRuntime;
  now: Date;
  fresh: FreshnessTracker;
}

export function queryContext(opts: QueryOptions = {}): QueryContext {
  const config = opts.config ?? getConfig();
  return { config, rt: awsRuntime(config), now: opts.now ?? new Date(), fresh: new FreshnessTracker() };
}

export function findEnvironment(ctx: Pick<QueryContext, "config">, envId: string): EnvironmentConfig {
  const env = ctx.config.environments.find((e) => e.id === envId);
  if (!env) throw new NotFoundError("environment", envId);
  return env;
}

/** The AWS scope of an environment; AwsUnavailableError when its clients cannot be built (e.g. unsupported roleArn). */
export function scopeOf(ctx: QueryContext, env: EnvironmentConfig): EnvScope {
  try {
    return envScope(ctx.rt, env, ctx.fresh);
  } catch (error) {
    throw new AwsUnavailableError(toUserFacingError(error, "ecs", env.region));
  }
}

/** The clusters an environment is configured to show explicitly, if it lists them. */
export function assertClusterAllowed(env: EnvironmentConfig, cluster: string): void {
  if (env.clusters !== "all" && !env.clusters.includes(cluster)) throw new NotFoundError("cluster", cluster);
}

export function freshness(ctx: QueryContext): Freshness {
  return ctx.fresh.result();
}
