// What ECR says now about every image a deployment would change: does it exist with the digest the plan
// pinned, can it be pulled (ACTIVE, not ARCHIVED/ACTIVATING), is the lifecycle policy about to expire
// it, and its scan counts next to those of the image the container runs now. Fresh reads for the image
// itself; the lifecycle evaluation uses the shared image list (it only ever warns).
import { describeImageFresh, getLifecyclePolicyText, listImages, type EnvScope } from "@/lib/aws";
import { parseImageReference } from "@/lib/domain/image-reference";
import { parseLifecyclePolicy } from "@/lib/domain/lifecycle";
import { expiryRisk } from "@/lib/domain/lifecycle-next";
import type { TargetImageFacts } from "@/lib/domain/preflight";
import type { TaskDefinitionSpec } from "@/lib/domain/task-definition";
import type { EcrImage, ImageReference } from "@/lib/domain/types";

export interface ChangedImage {
  container: string;
  from?: string;
  to: string;
}

/** Containers whose image differs between what runs and what would run (sidecars that stay are left out). */
export function changedImages(running: TaskDefinitionSpec, target: TaskDefinitionSpec): ChangedImage[] {
  const before = new Map(running.containerDefinitions.map((c) => [c.name, c.image]));
  return target.containerDefinitions.flatMap((c) => {
    const from = before.get(c.name);
    return from === c.image ? [] : [{ container: c.name, to: c.image, ...(from !== undefined && { from }) }];
  });
}

const idOf = (ref: ImageReference) => (ref.digest ? { digest: ref.digest } : { tag: ref.tag ?? "latest" });

/** Only images of this environment's ECR registry can be checked; others (Docker Hub sidecars…) are not ours to judge. */
function ecrReference(scope: EnvScope, image: string | undefined): ImageReference | undefined {
  const ref = image === undefined ? undefined : parseImageReference(image);
  return ref?.ecr?.region === scope.env.region ? ref : undefined;
}

async function lookup(scope: EnvScope, ref: ImageReference | undefined): Promise<EcrImage | undefined> {
  return ref ? describeImageFresh(scope, ref.repository, idOf(ref)) : undefined;
}

type Lifecycle = [policyText: string | undefined, images: EcrImage[]];

function expiryOf([text, images]: Lifecycle, digest: string, now: Date) {
  const parsed = text === undefined ? undefined : parseLifecyclePolicy(text);
  if (!parsed?.ok) return undefined;
  return expiryRisk(parsed.policy, images.map((i) => ({ digest: i.digest, tags: i.tags, pushedAt: i.pushedAt })), digest, now);
}

export interface ImageFacts {
  facts: TargetImageFacts[];
  /** What ECR said about each image string looked up (its tags and digest), for the diff's tags and SHAs. */
  known: Map<string, { tags: readonly string[]; digest?: string }>;
}

async function factsOf(scope: EnvScope, change: ChangedImage, now: Date, known: ImageFacts["known"]): Promise<TargetImageFacts | undefined> {
  const target = ecrReference(scope, change.to);
  if (!target) return undefined;
  // One round trip: the image, the one running now, and the lifecycle policy with the image list it is
  // judged against (shared with the image-history page's cache) are read at once.
  const [found, running, lifecycle] = await Promise.all([
    lookup(scope, target),
    lookup(scope, ecrReference(scope, change.from)).catch(() => undefined),
    // Expiry only ever warns: a policy or list that cannot be read leaves it out rather than failing the plan.
    Promise.all([getLifecyclePolicyText(scope, target.repository), listImages(scope, target.repository)]).catch(() => undefined),
  ]);
  const expiry = found && lifecycle ? expiryOf(lifecycle, found.digest, now) : undefined;
  if (found) known.set(change.to, { tags: found.tags, digest: found.digest });
  if (running && change.from !== undefined) known.set(change.from, { tags: running.tags, digest: running.digest });
  const facts: TargetImageFacts = { container: change.container, image: change.to, repository: target.repository, found: found !== undefined };
  if (target.digest) facts.expectedDigest = target.digest;
  if (found) facts.actualDigest = found.digest;
  if (found?.status) facts.imageStatus = found.status;
  if (expiry) facts.expiry = expiry;
  if (found?.scan?.status) facts.scanStatus = found.scan.status;
  if (found?.scan?.severityCounts) facts.scan = found.scan.severityCounts;
  if (running?.scan?.severityCounts) facts.runningScan = running.scan.severityCounts;
  return facts;
}

export async function readImageFacts(scope: EnvScope, changes: readonly ChangedImage[], now: Date): Promise<ImageFacts> {
  const known: ImageFacts["known"] = new Map();
  const facts = await Promise.all(changes.map((c) => factsOf(scope, c, now, known)));
  return { facts: facts.filter((f): f is TargetImageFacts => f !== undefined), known };
}
