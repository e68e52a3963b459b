// ECR reads for a single-repository view: "not found" is a 404 (NotFoundError), anything else that
// stops the view (throttled, unreachable, access denied) is one AwsUnavailableError (503).
import { describeRepository, toUserFacingError, type EnvScope } from "@/lib/aws";
import type { Repository } from "@/lib/domain/types";
import { AwsUnavailableError, NotFoundError } from "@/lib/errors";

export async function ecrRead<T>(scope: EnvScope, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new AwsUnavailableError(toUserFacingError(error, "ecr", scope.env.region));
  }
}

export async function repositoryOrThrow(scope: EnvScope, name: string): Promise<Repository> {
  const repository = await ecrRead(scope, () => describeRepository(scope, name));
  if (!repository) throw new NotFoundError("repository", name);
  return repository;
}

/**
 * The repository and `reads` (already started, so everything runs at once). The repository's own
 * answer is awaited first: an unknown repository is a 404 (NotFoundError), not whichever error the
 * other reads happen to give.
 */
export async function withRepository<T>(scope: EnvScope, name: string, reads: Promise<T>): Promise<[Repository, T]> {
  reads.catch(() => undefined); // settled below, after the repository check
  const repository = await repositoryOrThrow(scope, name);
  return [repository, await reads];
}
