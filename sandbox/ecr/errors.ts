// ECR's error codes with the messages AWS writes (aws-behaviour.md §1.4; moto's ecr/exceptions.py
// carries the same texts). Every repository-scoped message names the registry, as AWS does.
import { AwsError } from "../core/aws-error";

export interface ImageIdInput {
  imageDigest?: string;
  imageTag?: string;
}

/** `{imageDigest:'null', imageTag:'v9'}`: how ECR prints an image id inside messages. */
export function imageIdText(id: ImageIdInput): string {
  return `{imageDigest:'${id.imageDigest ?? "null"}', imageTag:'${id.imageTag ?? "null"}'}`;
}

export const repositoryNotFound = (name: string, registryId: string) =>
  new AwsError(
    "RepositoryNotFoundException",
    `The repository with name '${name}' does not exist in the registry with id '${registryId}'`,
  );

export const repositoryAlreadyExists = (name: string, registryId: string) =>
  new AwsError(
    "RepositoryAlreadyExistsException",
    `The repository with name '${name}' already exists in the registry with id '${registryId}'`,
  );

export const imageNotFound = (id: ImageIdInput, name: string, registryId: string) =>
  new AwsError(
    "ImageNotFoundException",
    `The image with imageId ${imageIdText(id)} does not exist within the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const scanNotFound = (id: ImageIdInput, name: string, registryId: string) =>
  new AwsError(
    "ScanNotFoundException",
    `Image scan does not exist for the image with '${imageIdText(id)}' in the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const imageAlreadyExists = (digest: string, tag: string | undefined, name: string, registryId: string) =>
  new AwsError(
    "ImageAlreadyExistsException",
    `Image with digest '${digest}' and tag '${tag ?? "null"}' already exists in the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const imageTagAlreadyExists = (tag: string, name: string) =>
  new AwsError(
    "ImageTagAlreadyExistsException",
    `The image tag '${tag}' already exists in the '${name}' repository and cannot be overwritten because the repository is immutable.`,
  );

export const scanQuotaExceeded = () =>
  new AwsError("LimitExceededException", "The scan quota per image has been exceeded. Wait and try again.");

export const lifecyclePolicyNotFound = (name: string, registryId: string) =>
  new AwsError(
    "LifecyclePolicyNotFoundException",
    `Lifecycle policy does not exist for the repository with name '${name}' in the registry with id '${registryId}'`,
  );

// Emulator choice: AWS's texts for the two preview errors are not public; these follow the pattern above.
export const lifecyclePreviewNotFound = (name: string, registryId: string) =>
  new AwsError(
    "LifecyclePolicyPreviewNotFoundException",
    `Lifecycle policy preview does not exist for the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const lifecyclePreviewInProgress = (name: string, registryId: string) =>
  new AwsError(
    "LifecyclePolicyPreviewInProgressException",
    `Previous lifecycle policy preview request has not been completed for the repository with name '${name}' in the registry with id '${registryId}'`,
  );

/** AWS's wording for a member that breaks a model constraint. */
export const constraintViolation = (member: string, constraint: string) =>
  new AwsError("InvalidParameterException", `Invalid parameter at '${member}' failed to satisfy constraint: '${constraint}'`);
