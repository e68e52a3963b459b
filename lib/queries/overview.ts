// "What's in prod": every configured environment → cluster → service row. One environment or
// cluster failing becomes an inline error in its section; the rest still renders.
import {
  describeTaskDefinitionWithStatus,
  listClusterNames,
  listClusterServices,
  listClusterTasks,
  tasksOfService,
  toUserFacingError,
  type EnvScope,
} from "@/lib/aws";
import type { EnvironmentConfig } from "@/lib/config";
import { enrichFromEcr, lookUpRunningImages } from "./enrich-from-ecr";
import { freshness, queryContext, scopeOf, type QueryContext, type QueryOptions } from "./context";
import { serviceRow } from "./service-row";
import type { ClusterSection, EnvironmentSection, Overview, UserFacingError } from "./types";

/** What a caller needs of the sections: `ecr: false` skips the ECR lookups (commit of pinned images, running scan). */
export interface SectionOptions {
  ecr: boolean;
}

async function clusterSection(ctx: QueryContext, scope: EnvScope, cluster: string, opts: SectionOptions): Promise<ClusterSection> {
  try {
    const tasksRead = listClusterTasks(scope, cluster);
    // The running images' ECR records depend only on the tasks: look them up while services are described.
    // (A failed task read fails the section below; this lookup then just yields nothing.)
    const runningImages = opts.ecr ? tasksRead.then((tasks) => lookUpRunningImages(scope, tasks)).catch(() => new Map()) : undefined;
    const [services, tasks] = await Promise.all([listClusterServices(scope, cluster), tasksRead]);
    const rows = await Promise.all(
      services.map(async (service) => {
        // With its status: a revision deregistered since (§8.6) is flagged on the row.
        const taskDefinition = await describeTaskDefinitionWithStatus(scope, service.taskDefinitionArn);
        return serviceRow(ctx, scope.env, service, taskDefinition, tasksOfService(tasks, service.name));
      }),
    );
    if (runningImages) await enrichFromEcr(ctx, scope, rows.flatMap((r) => r.containers), await runningImages);
    return { name: cluster, services: rows };
  } catch (error) {
    return { name: cluster, services: [], error: toUserFacingError(error, "ecs", scope.env.region) };
  }
}

async function environmentSection(ctx: QueryContext, env: EnvironmentConfig, opts: SectionOptions): Promise<EnvironmentSection> {
  const head = { id: env.id, name: env.name, region: env.region, ...(env.accountId && { accountId: env.accountId }) };
  let scope: EnvScope;
  let clusters: string[];
  try {
    scope = scopeOf(ctx, env);
    clusters = await listClusterNames(scope);
  } catch (error) {
    return { ...head, clusters: [], error: toUserFacingError(error, "ecs", env.region) };
  }
  return { ...head, clusters: await Promise.all(clusters.map((c) => clusterSection(ctx, scope, c, opts))) };
}

/**
 * The overview's sections, recorded into `ctx`'s freshness tracker. Other queries reuse them for
 * "where does it run" with `{ ecr: false }`: that needs services, their revisions and tasks only.
 */
export async function buildOverviewSections(ctx: QueryContext, opts: SectionOptions = { ecr: true }): Promise<EnvironmentSection[]> {
  return Promise.all(ctx.config.environments.map((env) => environmentSection(ctx, env, opts)));
}

export async function getOverview(opts?: QueryOptions): Promise<Overview> {
  const ctx = queryContext(opts);
  const environments = await buildOverviewSections(ctx);
  return { ...freshness(ctx), environments };
}

/**
 * The error to answer with when NOTHING could be read (every environment, or every cluster of
 * every environment, failed): the API turns it into a 503. Undefined when anything rendered.
 */
export function wholeOverviewFailure(overview: Overview): UserFacingError | undefined {
  const errors: UserFacingError[] = [];
  for (const env of overview.environments) {
    if (env.error) errors.push(env.error);
    else if (env.clusters.length > 0 && env.clusters.every((c) => c.error)) errors.push(...env.clusters.flatMap((c) => (c.error ? [c.error] : [])));
    else return undefined;
  }
  return errors.find((e) => e.kind === "unreachable") ?? errors[0];
}
