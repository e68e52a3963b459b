// Input readers shared by the ECR operations: registry id, repository, image ids, page size, and the
// rule that a page token or size cannot be combined with an explicit id list (§1.5).
import { invalidParameter } from "../../core/aws-error";
import type { Input, OperationContext } from "../../core/operation";
import { optionalInteger, optionalObject, optionalObjectList, optionalString, requiredString } from "../../core/validate";
import { constraintViolation, imageNotFound, type ImageIdInput } from "../errors";
import type { ImageRecord } from "../images";
import type { Repository } from "../repositories";

export function registryIdOf(input: Input, ctx: OperationContext): string {
  const registryId = optionalString(input, "registryId");
  if (registryId === undefined) return ctx.account;
  if (!/^[0-9]{12}$/.test(registryId)) throw constraintViolation("registryId", "must satisfy regular expression '[0-9]{12}'");
  return registryId;
}

export function repositoryOf(input: Input, ctx: OperationContext): { repo: Repository; registryId: string } {
  const registryId = registryIdOf(input, ctx);
  const name = requiredString(input, "repositoryName");
  return { repo: ctx.world.ecr.repository(name, registryId), registryId };
}

export function maxResultsOf(input: Input, max: number): number | undefined {
  return optionalInteger(input, "maxResults", { min: 1, max });
}

/**
 * AWS refuses nextToken or maxResults together with an explicit list of names or ids. Emulator choice:
 * its exact message is not public; this one names both members.
 */
export function refusePagingWith(input: Input, listKey: string): void {
  if (input[listKey] !== undefined && (input.nextToken !== undefined || input.maxResults !== undefined)) {
    throw invalidParameter(`Invalid parameter: nextToken and maxResults cannot be specified together with ${listKey}.`);
  }
}

export function imageIdListOf(input: Input, key: string, required: boolean): ImageIdInput[] | undefined {
  const list = optionalObjectList(input, key);
  if (list === undefined) {
    if (required) throw invalidParameter(`${key} is required.`);
    return undefined;
  }
  if (list.length < 1 || list.length > 100) {
    throw constraintViolation(key, "Member must have length less than or equal to 100, Member must have length greater than or equal to 1");
  }
  return list.map((id) => ({ imageDigest: optionalString(id, "imageDigest"), imageTag: optionalString(id, "imageTag") }));
}

export function imageIdOf(input: Input): ImageIdInput {
  const id = optionalObject(input, "imageId");
  if (id === undefined) throw invalidParameter("imageId is required.");
  return { imageDigest: optionalString(id, "imageDigest"), imageTag: optionalString(id, "imageTag") };
}

export const MISSING_DIGEST_AND_TAG = "Invalid request parameters: both tag and digest cannot be null";

/** For operations that take ids and fail as a whole (DescribeImages, scans): an empty id is invalid. */
export function requireDigestOrTag(id: ImageIdInput): void {
  if (id.imageDigest === undefined && id.imageTag === undefined) throw invalidParameter(MISSING_DIGEST_AND_TAG);
}

/** The image an id names: by digest (and then the tag must be one of its tags) or by tag. */
export function findImage(repo: Repository, id: ImageIdInput): ImageRecord | undefined {
  if (id.imageDigest !== undefined) {
    const image = repo.images.get(id.imageDigest);
    return image && (id.imageTag === undefined || image.tags.includes(id.imageTag)) ? image : undefined;
  }
  return id.imageTag === undefined ? undefined : repo.images.byTagName(id.imageTag);
}

/** The repository and the one image `imageId` names, or the AWS error for whichever is missing. */
export function targetImageOf(input: Input, ctx: OperationContext) {
  const { repo, registryId } = repositoryOf(input, ctx);
  const id = imageIdOf(input);
  requireDigestOrTag(id);
  const image = findImage(repo, id);
  if (!image) throw imageNotFound(id, repo.name, registryId);
  return { repo, registryId, id, image };
}
