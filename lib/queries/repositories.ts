// ECR repositories of every environment, with the services running one of their images now.
import { listRepositories as listEcrRepositories, toUserFacingError } from "@/lib/aws";
import type { EnvironmentConfig } from "@/lib/config";
import { freshness, queryContext, scopeOf, type QueryContext, type QueryOptions } from "./context";
import { buildOverviewSections } from "./overview";
import { runningIndex } from "./running-locations";
import type { EnvironmentSection, RepositoriesView } from "./types";

type EnvironmentRepositories = RepositoriesView["environments"][number];

async function environmentRepositories(
  ctx: QueryContext,
  env: EnvironmentConfig,
  sections: readonly EnvironmentSection[],
): Promise<EnvironmentRepositories> {
  const head = { id: env.id, name: env.name, region: env.region };
  try {
    const repositories = await listEcrRepositories(scopeOf(ctx, env));
    return {
      ...head,
      repositories: repositories.map((r) => ({ ...r, runningIn: runningIndex(sections, r, env.region).all })),
    };
  } catch (error) {
    return { ...head, repositories: [], error: toUserFacingError(error, "ecr", env.region) };
  }
}

export async function listRepositories(opts?: QueryOptions): Promise<RepositoriesView> {
  const ctx = queryContext(opts);
  const sections = await buildOverviewSections(ctx, { ecr: false });
  const environments = await Promise.all(ctx.config.environments.map((env) => environmentRepositories(ctx, env, sections)));
  return { ...freshness(ctx), environments };
}
