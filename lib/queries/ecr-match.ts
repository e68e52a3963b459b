// Whether an image reference points into an environment's own ECR registry, i.e. whether that
// environment's ECR client can look the image up.
import type { EnvironmentConfig } from "@/lib/config";
import type { ImageReference, Repository } from "@/lib/domain/types";

export function inEnvironmentRegistry(env: EnvironmentConfig, ref: ImageReference | undefined): boolean {
  if (!ref?.ecr) return false;
  return ref.ecr.region === env.region && (env.accountId === undefined || env.accountId === ref.ecr.accountId);
}

/** Whether `ref` names `repository` of the registry in `region`. */
export function refersToRepository(ref: ImageReference | undefined, repository: Repository, region: string): boolean {
  return ref?.ecr?.accountId === repository.registryId && ref.ecr.region === region && ref.repository === repository.name;
}
