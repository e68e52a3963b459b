// DescribeImages' image details as wire JSON, remembered per image until something they show changes
// (tags, the scan, the last pull, the repository's scan type, the storage class and its dates). A
// 1,000-image page is then mostly a join of cached strings instead of building and serializing 1,000
// objects on every read.
import { serializeBody } from "../wire/serialize";
import { imageDetail } from "./image-detail";
import type { RegionWorld } from "../core/operation";
import type { ImageRecord } from "./images";
import type { Repository } from "./repositories";
import { isScanComplete } from "./scanning";
import { imageStatus, lastActivatedAt } from "./storage-class";

const cache = new WeakMap<ImageRecord, { key: string; json: string }>();

/** Everything imageDetail() reads that can change after a push (see image-detail.ts); an image never changes repository. */
function versionOf(image: ImageRecord, repo: Repository, now: number): string {
  const scan = image.scan ? `${image.scan.completesAt}:${isScanComplete(image, now)}:${image.findings.length}` : "";
  const storage = image.storage ? `${imageStatus(image, now)}:${image.storage.lastArchivedAt}:${lastActivatedAt(image, now) ?? ""}` : "";
  return `${repo.scanType}|${image.tags.join(" ")}|${scan}|${image.lastRecordedPullTime ?? ""}|${storage}`;
}

export function imageDetailJson(image: ImageRecord, repo: Repository, registryId: string, now: number): string {
  const key = versionOf(image, repo, now);
  const cached = cache.get(image);
  if (cached?.key === key) return cached.json;
  const json = serializeBody(imageDetail(image, repo, registryId, now));
  cache.set(image, { key, json });
  return json;
}

/**
 * Renders every image's detail once, after seeding: the first DescribeImages of a seeded repository
 * then costs what later ones cost, so the sandbox adds no one-off delay to what benchmarks measure.
 */
export function prerenderImageDetails(world: RegionWorld, now: number): void {
  for (const repo of world.ecr.listRepositories()) {
    for (const image of repo.images.list()) imageDetailJson(image, repo, world.account, now);
  }
}
