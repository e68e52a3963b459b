// The revision history of a service's task-definition family, newest first: per revision its
// images, SHAs, ACTIVE/INACTIVE status, scan summary and whether each image still exists in ECR.
// Revisions by ARN are cached forever, so a warm page makes no DescribeTaskDefinition calls; the
// ECR checks are one batched DescribeImages per repository.
import { describeTaskDefinition, imageIdKey, listFamilyRevisions, lookupImages, type EnvScope, type ImageId } from "@/lib/aws";
import { parseImageReference } from "@/lib/domain/image-reference";
import type { EcrImage, ImageReference, TaskDefinitionRevision } from "@/lib/domain/types";
import { commitLink } from "./commit";
import type { QueryContext } from "./context";
import { inEnvironmentRegistry } from "./ecr-match";
import { revisionRef } from "./revision-ref";
import { imageParts } from "./service-row";
import type { RevisionContainer, RevisionView } from "./types";

/** How many revisions (newest first) the service page shows. */
export const REVISION_LIMIT = 25;

function imageId(ref: ImageReference): ImageId {
  return ref.digest ? { digest: ref.digest } : { tag: ref.tag ?? "latest" };
}

async function lookupAll(scope: EnvScope, refs: ImageReference[]): Promise<Map<string, Map<string, EcrImage | null> | undefined>> {
  const byRepository = new Map<string, ImageId[]>();
  for (const ref of refs) byRepository.set(ref.repository, [...(byRepository.get(ref.repository) ?? []), imageId(ref)]);
  const entries = await Promise.all(
    // A failed lookup (e.g. the repository is gone or access is denied) leaves existence unknown.
    [...byRepository].map(async ([repo, ids]) => [repo, await lookupImages(scope, repo, ids).catch(() => undefined)] as const),
  );
  return new Map(entries);
}

function revisionContainer(
  ctx: QueryContext,
  scope: EnvScope,
  c: TaskDefinitionRevision["containers"][number],
  lookups: Map<string, Map<string, EcrImage | null> | undefined>,
): RevisionContainer {
  const parts = imageParts(c);
  const { reference, repository } = parts;
  const checked = reference && inEnvironmentRegistry(scope.env, reference) ? lookups.get(reference.repository) : undefined;
  const found = checked && reference ? checked.get(imageIdKey(imageId(reference))) : undefined;
  const commit = commitLink(ctx.config, repository, [...(reference?.tag ? [reference.tag] : []), ...(found?.tags ?? [])]);
  const digest = found?.digest ?? reference?.digest;
  return {
    ...parts,
    ...(commit && { commit }),
    ...(digest && { digest }),
    ...(checked && { imageExists: found !== null && found !== undefined }),
    ...(found?.scan && { scan: found.scan }),
  };
}

export async function revisionHistory(
  ctx: QueryContext,
  scope: EnvScope,
  family: string,
  currentArn: string,
): Promise<{ revisions: RevisionView[]; total: number }> {
  const listed = await listFamilyRevisions(scope, family);
  const chosen = listed.slice(0, REVISION_LIMIT);
  const current = listed.find((r) => r.arn === currentArn);
  if (current && !chosen.includes(current)) chosen.push(current);
  const definitions = await Promise.all(chosen.map((r) => describeTaskDefinition(scope, r.arn)));
  const refs = definitions
    .flatMap((d) => d.containers.map((c) => parseImageReference(c.image)))
    .filter((r): r is ImageReference => inEnvironmentRegistry(scope.env, r));
  const lookups = await lookupAll(scope, refs);
  const revisions = definitions.map((d, i) => ({
    ...revisionRef(d.arn),
    // The listing is fresher than the cached definition: a revision may have been deregistered since.
    status: chosen[i]?.status ?? d.status,
    ...(d.registeredAt && { registeredAt: d.registeredAt }),
    ...(d.registeredBy && { registeredBy: d.registeredBy }),
    ...(d.deregisteredAt && { deregisteredAt: d.deregisteredAt }),
    isCurrent: d.arn === currentArn,
    containers: d.containers.map((c) => revisionContainer(ctx, scope, c, lookups)),
  }));
  return { revisions, total: listed.length };
}
