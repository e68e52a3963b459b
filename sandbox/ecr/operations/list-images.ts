// DescribeImages and ListImages (aws-behaviour.md §4.2). Emulator choice: AWS leaves the order
// unspecified; the sandbox lists images in push order (first push of each digest), oldest first.
// Only the requested page is rendered, so a 1,000-image page of a 10,000-image repository stays cheap.
import type { Input, Operation } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { oneOf, optionalObject, optionalString } from "../../core/validate";
import { WireJsonList } from "../../core/wire-json-list";
import { imageNotFound } from "../errors";
import { imageDetailJson } from "../image-detail-json";
import type { ImageRecord, TagStatus } from "../images";
import type { Repository } from "../repositories";
import { imageStatus } from "../storage-class";
import { findImage, imageIdListOf, maxResultsOf, refusePagingWith, repositoryOf, requireDigestOrTag } from "./input";

const TAG_STATUSES: readonly TagStatus[] = ["TAGGED", "UNTAGGED", "ANY"];
const IMAGE_STATUSES = ["ACTIVE", "ARCHIVED", "ACTIVATING", "ANY"] as const;

interface ImageFilter {
  tagStatus: TagStatus;
  imageStatus: (typeof IMAGE_STATUSES)[number];
  key: string;
}

/** Without `filter.imageStatus` only ACTIVE images are listed (ECR API reference, DescribeImagesFilter). */
function filterOf(input: Input): ImageFilter {
  const filter = optionalObject(input, "filter") ?? {};
  const tagStatus = oneOf(optionalString(filter, "tagStatus"), "filter.tagStatus", TAG_STATUSES) ?? "ANY";
  const imageStatus = oneOf(optionalString(filter, "imageStatus"), "filter.imageStatus", IMAGE_STATUSES) ?? "ACTIVE";
  return { tagStatus, imageStatus, key: `${tagStatus}|${imageStatus}` };
}

function selected(repo: Repository, filter: ImageFilter, now: number): ImageRecord[] {
  const images = repo.images.list(filter.tagStatus);
  if (filter.imageStatus === "ANY") return images;
  return images.filter((image) => imageStatus(image, now) === filter.imageStatus);
}

export const describeImages: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  refusePagingWith(input, "imageIds");
  const ids = imageIdListOf(input, "imageIds", false);
  const render = (image: ImageRecord) => imageDetailJson(image, repo, registryId, ctx.now);
  if (ids) {
    const found = new Map<string, ImageRecord>();
    for (const id of ids) {
      requireDigestOrTag(id);
      const image = findImage(repo, id);
      if (!image) throw imageNotFound(id, repo.name, registryId); // one unknown id fails the call
      found.set(image.digest, image);
    }
    return { imageDetails: new WireJsonList([...found.values()].map(render)) };
  }
  const filter = filterOf(input);
  const page = paginate(selected(repo, filter, ctx.now), {
    nextToken: optionalString(input, "nextToken"),
    maxResults: maxResultsOf(input, 1000),
    defaultPageSize: 100,
    queryKey: `DescribeImages|${registryId}|${repo.name}|${filter.key}`,
  });
  return { imageDetails: new WireJsonList(page.items.map(render)), nextToken: page.nextToken };
};

/** One entry per (digest, tag) pair; untagged images appear once with only their digest. */
function imageIdEntries(images: readonly ImageRecord[]): { imageDigest: string; imageTag?: string }[] {
  const entries: { imageDigest: string; imageTag?: string }[] = [];
  for (const image of images) {
    if (image.tags.length === 0) entries.push({ imageDigest: image.digest });
    for (const tag of image.tags) entries.push({ imageDigest: image.digest, imageTag: tag });
  }
  return entries;
}

export const listImages: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  const filter = filterOf(input);
  const page = paginate(imageIdEntries(selected(repo, filter, ctx.now)), {
    nextToken: optionalString(input, "nextToken"),
    maxResults: maxResultsOf(input, 1000),
    defaultPageSize: 100,
    queryKey: `ListImages|${registryId}|${repo.name}|${filter.key}`,
  });
  return { imageIds: page.items, nextToken: page.nextToken };
};
