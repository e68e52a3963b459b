// The ECS half of the timeline: service deployments created inside the window, of the services the
// filters leave (ListServiceDeployments with a createdAt range, so the cost follows the window, not the
// service's whole history). A service, cluster or environment that cannot be read becomes an inline
// error; the rest still shows.
import { listClusterNames, listClusterServices, listServiceDeployments, toUserFacingError, type CreatedWindow, type EnvScope } from "@/lib/aws";
import type { EnvironmentConfig } from "@/lib/config";
import type { TimeWindow } from "@/lib/domain/time-window";
import { scopeOf, type QueryContext } from "./context";
import { ecsTime, type EcsDeployment } from "./timeline-entry";
import type { TimelineFilters } from "./timeline-query";
import type { UserFacingError } from "./types";

export interface TimelineReadError {
  envId: string;
  cluster?: string;
  service?: string;
  error: UserFacingError;
}

interface Collected {
  deployments: EcsDeployment[];
  errors: TimelineReadError[];
}

// A moving window ("last 24 hours") would give every request its own cache key; asking ECS from the
// start of the minute lets viewers share one listing, and the exact bounds are applied here.
const MINUTE = 60_000;

function createdWindow(window: TimeWindow): CreatedWindow {
  const after = new Date(Math.floor(window.from.getTime() / MINUTE) * MINUTE);
  return window.preset === "custom" ? { after, before: window.to } : { after };
}

async function clusterDeployments(scope: EnvScope, cluster: string, filters: TimelineFilters, window: TimeWindow, out: Collected): Promise<void> {
  const envId = scope.env.id;
  const services = await listClusterServices(scope, cluster).catch((error: unknown) => {
    out.errors.push({ envId, cluster, error: toUserFacingError(error, "ecs", scope.env.region) });
    return [];
  });
  const wanted = services.filter((s) => !filters.service || s.name === filters.service);
  await Promise.all(
    wanted.map(async ({ name: service }) => {
      try {
        for (const record of await listServiceDeployments(scope, cluster, service, createdWindow(window))) {
          const at = ecsTime(record);
          if (at >= window.from.getTime() && at < window.to.getTime()) out.deployments.push({ envId, cluster, service, record });
        }
      } catch (error) {
        out.errors.push({ envId, cluster, service, error: toUserFacingError(error, "ecs", scope.env.region) });
      }
    }),
  );
}

async function environmentDeployments(ctx: QueryContext, env: EnvironmentConfig, filters: TimelineFilters, window: TimeWindow, out: Collected): Promise<void> {
  try {
    const scope = scopeOf(ctx, env);
    const clusters = (await listClusterNames(scope)).filter((c) => !filters.cluster || c === filters.cluster);
    await Promise.all(clusters.map((cluster) => clusterDeployments(scope, cluster, filters, window, out)));
  } catch (error) {
    out.errors.push({ envId: env.id, error: toUserFacingError(error, "ecs", env.region) });
  }
}

/** ECS service deployments in `window` of the filtered environments, clusters and services, in no particular order. */
export async function ecsDeploymentsInWindow(ctx: QueryContext, filters: TimelineFilters, window: TimeWindow): Promise<Collected> {
  const out: Collected = { deployments: [], errors: [] };
  const environments = ctx.config.environments.filter((e) => !filters.env || e.id === filters.env);
  await Promise.all(environments.map((env) => environmentDeployments(ctx, env, filters, window, out)));
  return out;
}
