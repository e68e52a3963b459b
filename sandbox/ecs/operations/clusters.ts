// ListClusters, DescribeClusters (unknown clusters become MISSING failures) and CreateCluster.
import { invalidParameter } from "../../core/aws-error";
import type { OperationTable } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { optionalString, optionalStringList } from "../../core/validate";
import { clusterArn, lastSegment } from "../arns";
import { readTags } from "../tags";
import type { Cluster } from "../types";
import { ecs, includes, readMaxResults } from "./common";

const CLUSTER_FIELDS = ["ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"] as const;
const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

function renderCluster(cluster: Cluster, withTags: boolean) {
  let running = 0;
  let pending = 0;
  for (const task of cluster.tasks.values()) {
    if (task.desiredStatus !== "RUNNING") continue;
    if (task.lastStatus === "RUNNING") running += 1;
    else pending += 1;
  }
  let active = 0;
  for (const service of cluster.services.values()) if (service.status === "ACTIVE") active += 1;
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: "ACTIVE",
    registeredContainerInstancesCount: 0,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: active,
    statistics: [],
    tags: withTags ? cluster.tags.map((t) => ({ ...t })) : undefined,
    settings: [{ name: "containerInsights", value: "disabled" }],
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
}

export const clusterOperations: OperationTable = {
  ListClusters(input, ctx) {
    const all = [...ecs(ctx).clusters.values()].map((c) => c.arn);
    const page = paginate(all, { nextToken: optionalString(input, "nextToken"), maxResults: readMaxResults(input), defaultPageSize: 100, queryKey: "clusters" });
    return { clusterArns: page.items, nextToken: page.nextToken };
  },

  DescribeClusters(input, ctx) {
    const refs = optionalStringList(input, "clusters") ?? ["default"];
    if (refs.length > 100) throw invalidParameter("clusters can have at most 100 items.");
    const withTags = includes(input, CLUSTER_FIELDS, "TAGS");
    const region = ecs(ctx);
    const clusters = [];
    const failures = [];
    for (const ref of refs) {
      const cluster = region.clusters.get(lastSegment(ref));
      if (cluster) clusters.push(renderCluster(cluster, withTags));
      else failures.push({ arn: ref.startsWith("arn:") ? ref : clusterArn(region.scope, ref), reason: "MISSING" });
    }
    return { clusters, failures };
  },

  CreateCluster(input, ctx) {
    const name = optionalString(input, "clusterName") ?? "default";
    if (!CLUSTER_NAME.test(name)) {
      throw invalidParameter("Cluster name can contain up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
    }
    return { cluster: renderCluster(ecs(ctx).createCluster(name, readTags(input) ?? [], ctx.now), true) };
  },
};
