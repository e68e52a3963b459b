// ECR repositories of an environment's registry (the caller's account).
import { DescribeRepositoriesCommand, paginateDescribeRepositories } from "@aws-sdk/client-ecr";
import { compareText } from "@/lib/domain/compare";
import type { Repository } from "@/lib/domain/types";
import { hasErrorCode } from "./errors";
import { mapRepository } from "./ecr-map";
import { cacheKey, type EnvScope } from "./runtime";

/** Every repository, sorted by name. */
export function listRepositories(scope: EnvScope): Promise<Repository[]> {
  return scope.rt.mutable.get(
    cacheKey(scope, "ecr", "repositories"),
    async () => {
      const out: Repository[] = [];
      for await (const page of paginateDescribeRepositories({ client: scope.clients.ecr, pageSize: 1000 }, {})) {
        out.push(...(page.repositories ?? []).map(mapRepository));
      }
      return out.sort((a, b) => compareText(a.name, b.name));
    },
    scope.fresh,
  );
}

/** One repository, or undefined when it does not exist. */
export function describeRepository(scope: EnvScope, name: string): Promise<Repository | undefined> {
  return scope.rt.mutable.get(
    cacheKey(scope, "ecr", "repository", name),
    async () => {
      try {
        const out = await scope.clients.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
        const found = out.repositories?.[0];
        return found ? mapRepository(found) : undefined;
      } catch (error) {
        if (hasErrorCode(error, "RepositoryNotFoundException")) return undefined;
        throw error;
      }
    },
    scope.fresh,
  );
}
