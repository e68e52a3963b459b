// ECS service deployments of every service in every environment, newest first: the Audit page's
// source until the dashboard's own audit trail exists (it also shows deployments made by CI).
import { listClusterNames, listClusterServices, listServiceDeployments, toUserFacingError, type EnvScope } from "@/lib/aws";
import type { EnvironmentConfig } from "@/lib/config";
import { compareText } from "@/lib/domain/compare";
import { freshness, queryContext, scopeOf, type QueryContext, type QueryOptions } from "./context";
import { revisionRef } from "./revision-ref";
import type { DeploymentHistory, DeploymentHistoryEntry } from "./types";

type Collected = { entries: DeploymentHistoryEntry[]; errors: DeploymentHistory["errors"] };

async function clusterHistory(scope: EnvScope, cluster: string, out: Collected): Promise<void> {
  const envId = scope.env.id;
  const services = await listClusterServices(scope, cluster).catch((error: unknown) => {
    out.errors.push({ envId, cluster, error: toUserFacingError(error, "ecs", scope.env.region) });
    return [];
  });
  await Promise.all(
    services.map(async (service) => {
      try {
        for (const record of await listServiceDeployments(scope, cluster, service.name)) {
          out.entries.push({
            envId,
            cluster,
            service: service.name,
            record,
            ...(record.targetTaskDefinitionArn && { target: revisionRef(record.targetTaskDefinitionArn) }),
            sources: record.sourceTaskDefinitionArns.map(revisionRef),
          });
        }
      } catch (error) {
        out.errors.push({ envId, cluster, service: service.name, error: toUserFacingError(error, "ecs", scope.env.region) });
      }
    }),
  );
}

async function environmentHistory(ctx: QueryContext, env: EnvironmentConfig, out: Collected): Promise<void> {
  try {
    const scope = scopeOf(ctx, env);
    const clusters = await listClusterNames(scope);
    await Promise.all(clusters.map((cluster) => clusterHistory(scope, cluster, out)));
  } catch (error) {
    out.errors.push({ envId: env.id, error: toUserFacingError(error, "ecs", env.region) });
  }
}

const timeOf = (e: DeploymentHistoryEntry) => (e.record.createdAt ?? e.record.startedAt)?.getTime() ?? 0;

export async function getDeploymentHistory(opts?: QueryOptions): Promise<DeploymentHistory> {
  const ctx = queryContext(opts);
  const out: Collected = { entries: [], errors: [] };
  await Promise.all(ctx.config.environments.map((env) => environmentHistory(ctx, env, out)));
  out.entries.sort((a, b) => timeOf(b) - timeOf(a) || compareText(a.record.arn, b.record.arn));
  return { ...freshness(ctx), ...out };
}
