// The image history of one repository: the cached full image list, filtered and paginated in memory.
// Scan data comes from DescribeImages' summaries (no per-image DescribeImageScanFindings); where an
// image runs comes from the overview; lifecycle expiry from the domain evaluator.
import { getLifecyclePolicyText, listImages } from "@/lib/aws";
import { highestSeverity } from "@/lib/domain/severity";
import type { EcrImage } from "@/lib/domain/types";
import { commitLink } from "./commit";
import { findEnvironment, freshness, queryContext, scopeOf, type QueryContext, type QueryOptions } from "./context";
import { ecrRead, withRepository } from "./ecr-read";
import { filterImages, paginate } from "./image-filters";
import { evaluateLifecycle } from "./lifecycle-view";
import { buildOverviewSections } from "./overview";
import { locationsOf, runningIndex, type RunningIndex } from "./running-locations";
import type { ImageHistory, ImageHistoryQuery, ImageRow, LifecycleExpiry } from "./types";

export function imageRow(
  ctx: QueryContext,
  image: EcrImage,
  running: RunningIndex,
  expiries: ReadonlyMap<string, LifecycleExpiry>,
): ImageRow {
  const commit = commitLink(ctx.config, image.repositoryName, image.tags);
  const highest = highestSeverity(image.scan?.severityCounts);
  const expiry = expiries.get(image.digest);
  return {
    digest: image.digest,
    tags: image.tags,
    ...(commit && { commit }),
    pushedAt: image.pushedAt,
    ...(image.sizeInBytes !== undefined && { sizeInBytes: image.sizeInBytes }),
    ...(image.scan && { scan: image.scan }),
    ...(highest && { highestSeverity: highest }),
    runningIn: locationsOf(running, image),
    ...(expiry && { expiresByLifecycle: expiry }),
  };
}

export async function getImageHistory(envId: string, repo: string, query: ImageHistoryQuery, opts?: QueryOptions): Promise<ImageHistory> {
  const ctx = queryContext(opts);
  const env = findEnvironment(ctx, envId);
  const scope = scopeOf(ctx, env);
  const [repository, [images, policyText, sections]] = await withRepository(
    scope,
    repo,
    Promise.all([
      ecrRead(scope, () => listImages(scope, repo)),
      ecrRead(scope, () => getLifecyclePolicyText(scope, repo)),
      buildOverviewSections(ctx, { ecr: false }),
    ]),
  );
  const lifecycle = evaluateLifecycle(policyText, images, ctx.now);
  const running = runningIndex(sections, repository, env.region);
  const filtered = filterImages(images, query, ctx.config.tagPattern);
  const { items, pageCount } = paginate(filtered, query.page, query.pageSize);
  return {
    ...freshness(ctx),
    envId: env.id,
    envName: env.name,
    repository,
    query,
    images: items.map((image) => imageRow(ctx, image, running, lifecycle.expiries)),
    total: filtered.length,
    totalImages: images.length,
    pageCount,
    lifecycle: lifecycle.view,
  };
}
