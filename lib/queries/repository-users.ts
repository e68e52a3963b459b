// Which services of an environment have a container built from a repository: the image page offers
// "Deploy this image" to each of them (whether or not they run this image now). Read from the
// overview's sections without the ECR lookups, like "where does it run".
import { buildOverviewSections } from "./overview";
import { queryContext, type QueryOptions } from "./context";

export interface RepositoryUser {
  envId: string;
  cluster: string;
  service: string;
  container: string;
}

export async function servicesUsingRepository(envId: string, repository: string, opts?: QueryOptions): Promise<RepositoryUser[]> {
  const sections = await buildOverviewSections(queryContext(opts), { ecr: false });
  return sections
    .filter((env) => env.id === envId)
    .flatMap((env) => env.clusters.flatMap((cluster) => cluster.services))
    .flatMap((row) => row.containers.filter((c) => c.repository === repository).map((c) => ({ envId: row.envId, cluster: row.cluster, service: row.name, container: c.container })));
}
