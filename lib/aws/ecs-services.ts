// Services of a cluster: ListServices (paginated, 100 a page) then DescribeServices in batches of 10
// (the API maximum). The whole cluster is cached as one value so concurrent overviews share it.
import { DescribeServicesCommand, paginateListServices } from "@aws-sdk/client-ecs";
import { compareText } from "@/lib/domain/compare";
import type { Service } from "@/lib/domain/types";
import { NotFoundError } from "@/lib/errors";
import { chunk } from "./batch";
import { hasErrorCode, toTypedAwsError } from "./errors";
import { mapService } from "./ecs-map";
import { cacheKey, type EnvScope } from "./runtime";

const DESCRIBE_BATCH = 10;

async function describe(scope: EnvScope, cluster: string, services: string[]): Promise<Service[]> {
  const batches = chunk(services, DESCRIBE_BATCH);
  const results = await Promise.all(
    batches.map((batch) => scope.clients.ecs.send(new DescribeServicesCommand({ cluster, services: batch }))),
  );
  return results.flatMap((r) => (r.services ?? []).map(mapService));
}

/** ACTIVE and DRAINING services of `cluster`, sorted by name. Throws ClusterNotFoundException for an unknown cluster. */
export function listClusterServices(scope: EnvScope, cluster: string): Promise<Service[]> {
  return scope.rt.mutable.get(
    cacheKey(scope, "ecs", "services", cluster),
    async () => {
      const arns: string[] = [];
      for await (const page of paginateListServices({ client: scope.clients.ecs, pageSize: 100 }, { cluster })) {
        arns.push(...(page.serviceArns ?? []));
      }
      const services = await describe(scope, cluster, arns);
      return services.sort((a, b) => compareText(a.name, b.name));
    },
    scope.fresh,
  );
}

async function describeOne(scope: EnvScope, cluster: string, service: string): Promise<Service | undefined> {
  const [found] = await describe(scope, cluster, [service]);
  return found && found.status !== "INACTIVE" ? found : undefined;
}

/** One service, or undefined when ECS reports it MISSING or INACTIVE. */
export function describeService(scope: EnvScope, cluster: string, service: string): Promise<Service | undefined> {
  return scope.rt.mutable.get(cacheKey(scope, "ecs", "service", cluster, service), () => describeOne(scope, cluster, service), scope.fresh);
}

/**
 * One service straight from ECS (deployments with rollout state, counts, events, deployment
 * configuration), bypassing the shared cache, for preflight and following a deployment. Undefined
 * when MISSING or INACTIVE; NotFoundError for an unknown cluster; other failures as typed errors.
 */
export function describeServiceFresh(scope: EnvScope, cluster: string, service: string): Promise<Service | undefined> {
  return scope.rt.inflight.share(cacheKey(scope, "fresh", "service", cluster, service), async () => {
    try {
      return await describeOne(scope, cluster, service);
    } catch (error) {
      if (hasErrorCode(error, "ClusterNotFoundException")) throw new NotFoundError("cluster", cluster);
      throw toTypedAwsError(error, "DescribeServices", "ecs", scope.env.region);
    }
  });
}

/**
 * Several services of one cluster straight from ECS, 10 per DescribeServices call (the API maximum), for
 * the follower: twenty followed operations cost two calls, not twenty. Missing or INACTIVE services are
 * absent from the map; failures are typed errors.
 */
export async function describeServicesFresh(scope: EnvScope, cluster: string, services: readonly string[]): Promise<Map<string, Service>> {
  try {
    const found = await describe(scope, cluster, [...new Set(services)]);
    return new Map(found.filter((s) => s.status !== "INACTIVE").map((s) => [s.name, s]));
  } catch (error) {
    if (hasErrorCode(error, "ClusterNotFoundException")) throw new NotFoundError("cluster", cluster);
    throw toTypedAwsError(error, "DescribeServices", "ecs", scope.env.region);
  }
}
