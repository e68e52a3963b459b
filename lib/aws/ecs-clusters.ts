// Which clusters an environment shows: the configured list, or every cluster (ListClusters) for "all".
import { paginateListClusters } from "@aws-sdk/client-ecs";
import { clusterName } from "@/lib/domain/arn";
import { cacheKey, type EnvScope } from "./runtime";

export async function listClusterNames(scope: EnvScope): Promise<string[]> {
  const configured = scope.env.clusters;
  if (configured !== "all") return [...configured];
  return scope.rt.mutable.get(
    cacheKey(scope, "ecs", "clusters"),
    async () => {
      const names: string[] = [];
      for await (const page of paginateListClusters({ client: scope.clients.ecs, pageSize: 100 }, {})) {
        names.push(...(page.clusterArns ?? []).map(clusterName));
      }
      return names.sort();
    },
    scope.fresh,
  );
}
