// Images of a repository. The full list (DescribeImages, 1000 a page) is cached as one sorted list
// per repository for the TTL, so image-history filters and pages are computed in memory.
// Lookups by id ("does this image still exist, and what is its scan summary") use DescribeImages
// with imageIds in batches of 100.
import { DescribeImagesCommand, paginateDescribeImages, type ImageDetail, type ImageIdentifier } from "@aws-sdk/client-ecr";
import { compareText } from "@/lib/domain/compare";
import type { EcrImage } from "@/lib/domain/types";
import { NotFoundError } from "@/lib/errors";
import { chunk } from "./batch";
import { hasErrorCode, toTypedAwsError } from "./errors";
import { mapImage } from "./ecr-map";
import { cacheKey, type EnvScope } from "./runtime";

const LOOKUP_BATCH = 100;

/** Newest push first; equal push times by digest so pages are stable. */
export function compareNewestFirst(a: EcrImage, b: EcrImage): number {
  return b.pushedAt.getTime() - a.pushedAt.getTime() || compareText(a.digest, b.digest);
}

/** Every image of `repository`, newest first. Throws RepositoryNotFoundException for an unknown repository. */
export function listImages(scope: EnvScope, repository: string): Promise<EcrImage[]> {
  return scope.rt.mutable.get(
    cacheKey(scope, "ecr", "images", repository),
    async () => {
      const out: EcrImage[] = [];
      const input = { repositoryName: repository, filter: { tagStatus: "ANY" as const } };
      for await (const page of paginateDescribeImages({ client: scope.clients.ecr, pageSize: 1000 }, input)) {
        out.push(...(page.imageDetails ?? []).map(mapImage));
      }
      return out.sort(compareNewestFirst);
    },
    scope.fresh,
  );
}

export type ImageId = { digest: string } | { tag: string };

/** Stable key of an image id: `digest:sha256:…` or `tag:prod-…`. */
export function imageIdKey(id: ImageId): string {
  return "digest" in id ? `digest:${id.digest}` : `tag:${id.tag}`;
}

function toSdk(id: ImageId): ImageIdentifier {
  return "digest" in id ? { imageDigest: id.digest } : { imageTag: id.tag };
}

// DescribeImages fails the whole call when ANY id is missing, so a failing batch is split in two
// until the missing ids are isolated: a few extra calls only when images have been deleted.
async function describeExisting(scope: EnvScope, repository: string, ids: ImageId[]): Promise<ImageDetail[]> {
  try {
    const out = await scope.clients.ecr.send(new DescribeImagesCommand({ repositoryName: repository, imageIds: ids.map(toSdk) }));
    return out.imageDetails ?? [];
  } catch (error) {
    if (!hasErrorCode(error, "ImageNotFoundException") || ids.length === 1) {
      if (hasErrorCode(error, "ImageNotFoundException")) return [];
      throw error;
    }
    const half = Math.ceil(ids.length / 2);
    const [a, b] = await Promise.all([
      describeExisting(scope, repository, ids.slice(0, half)),
      describeExisting(scope, repository, ids.slice(half)),
    ]);
    return [...a, ...b];
  }
}

/**
 * Looks images up by digest or tag. The result maps `imageIdKey(id)` to the image, or to null when
 * the image no longer exists. Throws RepositoryNotFoundException for an unknown repository.
 */
export function lookupImages(scope: EnvScope, repository: string, ids: readonly ImageId[]): Promise<Map<string, EcrImage | null>> {
  const unique = [...new Map(ids.map((id) => [imageIdKey(id), id])).values()].sort((a, b) =>
    compareText(imageIdKey(a), imageIdKey(b)),
  );
  return scope.rt.mutable.get(
    cacheKey(scope, "ecr", "lookup", repository, unique.map(imageIdKey).join(",")),
    async () => {
      const batches = await Promise.all(chunk(unique, LOOKUP_BATCH).map((batch) => describeExisting(scope, repository, batch)));
      const images = batches.flat().map(mapImage);
      const result = new Map<string, EcrImage | null>();
      for (const id of unique) {
        const found = images.find((img) => ("digest" in id ? img.digest === id.digest : img.tags.includes(id.tag)));
        result.set(imageIdKey(id), found ?? null);
      }
      return result;
    },
    scope.fresh,
  );
}

/**
 * One image straight from ECR (digest, tags, storage status §8.5, scan status and severity counts),
 * bypassing the shared cache, for preflight. Undefined when the repository holds no such image;
 * NotFoundError for an unknown repository; other failures as typed errors.
 */
export function describeImageFresh(scope: EnvScope, repository: string, id: ImageId): Promise<EcrImage | undefined> {
  return scope.rt.inflight.share(cacheKey(scope, "fresh", "image", repository, imageIdKey(id)), async () => {
    try {
      const out = await scope.clients.ecr.send(new DescribeImagesCommand({ repositoryName: repository, imageIds: [toSdk(id)] }));
      const [detail] = out.imageDetails ?? [];
      return detail ? mapImage(detail) : undefined;
    } catch (error) {
      if (hasErrorCode(error, "ImageNotFoundException")) return undefined;
      if (hasErrorCode(error, "RepositoryNotFoundException")) throw new NotFoundError("repository", repository);
      throw toTypedAwsError(error, "DescribeImages", "ecr", scope.env.region);
    }
  });
}
