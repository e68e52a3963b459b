// BatchGetImage and BatchDeleteImage: per-id failures instead of exceptions (aws-behaviour.md §1.4),
// with the failure codes and reasons ECR returns.
import type { Operation } from "../../core/operation";
import type { ImageIdInput } from "../errors";
import type { ImageRecord } from "../images";
import type { Repository } from "../repositories";
import { imageIdListOf, MISSING_DIGEST_AND_TAG, repositoryOf } from "./input";

const DIGEST_SYNTAX = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/;

interface Failure {
  imageId: ImageIdInput;
  failureCode: string;
  failureReason: string;
}

function lookup(repo: Repository, id: ImageIdInput): ImageRecord | Failure {
  const fail = (failureCode: string, failureReason: string): Failure => ({ imageId: id, failureCode, failureReason });
  if (id.imageDigest === undefined && id.imageTag === undefined) return fail("MissingDigestAndTag", MISSING_DIGEST_AND_TAG);
  if (id.imageDigest !== undefined && !DIGEST_SYNTAX.test(id.imageDigest)) {
    return fail("InvalidImageDigest", "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'");
  }
  if (id.imageTag !== undefined && (id.imageTag.length < 1 || id.imageTag.length > 300)) {
    return fail("InvalidImageTag", "Invalid request parameters: image tag should be between 1 and 300 characters");
  }
  const image = id.imageDigest !== undefined ? repo.images.get(id.imageDigest) : repo.images.byTagName(id.imageTag ?? "");
  if (!image) return fail("ImageNotFound", "Requested image not found");
  if (id.imageTag !== undefined && !image.tags.includes(id.imageTag)) {
    return fail("ImageTagDoesNotMatchDigest", "Invalid request parameters: given tag does not map to the given digest");
  }
  return image;
}

const isFailure = (value: ImageRecord | Failure): value is Failure => "failureCode" in value;

/** Emulator choice: manifests are returned as stored; `acceptedMediaTypes` does not convert them. */
export const batchGetImage: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  const ids = imageIdListOf(input, "imageIds", true) ?? [];
  const images: Record<string, unknown>[] = [];
  const failures: Failure[] = [];
  for (const id of ids) {
    const found = lookup(repo, id);
    if (isFailure(found)) {
      failures.push(found);
      continue;
    }
    images.push({
      registryId,
      repositoryName: repo.name,
      imageId: { imageDigest: found.digest, imageTag: id.imageTag },
      imageManifest: found.manifest,
      imageManifestMediaType: found.mediaType,
    });
  }
  return { images, failures };
};

/** Deleting by tag removes the tag (and the image with its last tag); by digest removes the image. */
export const batchDeleteImage: Operation = (input, ctx) => {
  const { repo } = repositoryOf(input, ctx);
  const ids = imageIdListOf(input, "imageIds", true) ?? [];
  const referenced = repo.images.referencedDigests();
  const deleted: ImageIdInput[] = [];
  const failures: Failure[] = [];
  for (const id of ids) {
    const found = lookup(repo, id);
    if (isFailure(found)) {
      failures.push(found);
      continue;
    }
    const removesImage = id.imageDigest !== undefined || found.tags.length === 1;
    if (removesImage && referenced.has(found.digest)) {
      failures.push({ imageId: id, failureCode: "ImageReferencedByManifestList", failureReason: "Requested image referenced by manifest list" });
      continue;
    }
    if (id.imageDigest === undefined && id.imageTag !== undefined) {
      repo.images.untag(found, id.imageTag);
      deleted.push({ imageDigest: found.digest, imageTag: id.imageTag });
      if (found.tags.length === 0) repo.images.delete(found);
      continue;
    }
    if (found.tags.length === 0) deleted.push({ imageDigest: found.digest });
    for (const tag of found.tags) deleted.push({ imageDigest: found.digest, imageTag: tag });
    repo.images.delete(found);
  }
  return { imageIds: deleted, failures };
};
