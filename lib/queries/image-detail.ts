// One image: its full scan findings (sorted by severity), where it runs, whether the lifecycle
// policy would expire it, and the images of the same repository running now (with their findings)
// for a side-by-side comparison.
import { getLifecyclePolicyText, getScanFindings, listImages, lookupImages, toUserFacingError, type EnvScope } from "@/lib/aws";
import { sortFindings } from "@/lib/domain/severity";
import type { EcrImage } from "@/lib/domain/types";
import { NotFoundError } from "@/lib/errors";
import { commitLink } from "./commit";
import { findEnvironment, freshness, queryContext, scopeOf, type QueryContext, type QueryOptions } from "./context";
import { ecrRead, withRepository } from "./ecr-read";
import { evaluateLifecycle } from "./lifecycle-view";
import { buildOverviewSections } from "./overview";
import { locationsOf, runningIndex, type RunningIndex } from "./running-locations";
import type { ImageDetail, ImageWithFindings } from "./types";

async function withFindings(ctx: QueryContext, scope: EnvScope, image: EcrImage, running: RunningIndex): Promise<ImageWithFindings> {
  const commit = commitLink(ctx.config, image.repositoryName, image.tags);
  const base = { image, ...(commit && { commit }), runningIn: locationsOf(running, image) };
  try {
    const findings = await getScanFindings(scope, image.repositoryName, image.digest);
    return { ...base, ...(findings && { findings: { ...findings, findings: sortFindings(findings.findings) } }) };
  } catch (error) {
    return { ...base, findingsError: toUserFacingError(error, "ecr", scope.env.region) };
  }
}

export async function getImageDetail(envId: string, repo: string, digest: string, opts?: QueryOptions): Promise<ImageDetail> {
  const ctx = queryContext(opts);
  const env = findEnvironment(ctx, envId);
  const scope = scopeOf(ctx, env);
  const [repository, [found, images, policyText, sections]] = await withRepository(
    scope,
    repo,
    Promise.all([
      ecrRead(scope, () => lookupImages(scope, repo, [{ digest }])),
      ecrRead(scope, () => listImages(scope, repo)),
      ecrRead(scope, () => getLifecyclePolicyText(scope, repo)),
      buildOverviewSections(ctx, { ecr: false }),
    ]),
  );
  const image = found.get(`digest:${digest}`);
  if (!image) throw new NotFoundError("image", `${repo}@${digest}`);
  const running = runningIndex(sections, repository, env.region);
  const otherDigests = [...running.byDigest.keys()].filter((d) => d !== digest);
  const others =
    otherDigests.length > 0
      ? await ecrRead(scope, () => lookupImages(scope, repo, otherDigests.map((d) => ({ digest: d }))))
      : new Map<string, EcrImage | null>();
  const runningImages = [...others.values()].filter((i): i is EcrImage => i !== null);
  const [subject, runningNow] = await Promise.all([
    withFindings(ctx, scope, image, running),
    Promise.all(runningImages.map((i) => withFindings(ctx, scope, i, running))),
  ]);
  const expiry = evaluateLifecycle(policyText, images, ctx.now).expiries.get(digest);
  return {
    ...freshness(ctx),
    envId: env.id,
    envName: env.name,
    repository,
    subject,
    runningNow,
    ...(expiry && { expiresByLifecycle: expiry }),
  };
}
