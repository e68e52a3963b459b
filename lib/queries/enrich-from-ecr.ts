// What ECR knows about the images a service runs, added to its containers with one batched
// DescribeImages per repository:
// - the commit, for containers pinned by digest (as rollbacks deploy them) or tagged with a moving
//   tag: their reference carries no `prod-<sha>` tag, but the running digest's tags in ECR do;
// - the scan summary of the running image, so "is what runs in prod safe?" shows at a glance.
// A failed lookup leaves both unknown rather than failing the view.
import { lookupImages, type EnvScope, type ImageId } from "@/lib/aws";
import { parseImageReference } from "@/lib/domain/image-reference";
import type { EcrImage, Task } from "@/lib/domain/types";
import { commitLink } from "./commit";
import type { QueryContext } from "./context";
import { inEnvironmentRegistry } from "./ecr-match";
import type { ContainerImage } from "./types";

/** ECR images by digest (the ones found; gone ones are absent). */
export type ImagesByDigest = ReadonlyMap<string, EcrImage>;

/** Looks up `digests` per repository, in parallel; failed repositories are left out. */
async function lookUp(scope: EnvScope, byRepository: ReadonlyMap<string, ReadonlySet<string>>): Promise<Map<string, EcrImage>> {
  const found = new Map<string, EcrImage>();
  await Promise.all(
    [...byRepository].map(async ([repository, digests]) => {
      const ids: ImageId[] = [...digests].map((digest) => ({ digest }));
      const images = await lookupImages(scope, repository, ids).catch(() => undefined);
      for (const image of images?.values() ?? []) if (image) found.set(image.digest, image);
    }),
  );
  return found;
}

function add(byRepository: Map<string, Set<string>>, repository: string, digest: string): void {
  byRepository.set(repository, (byRepository.get(repository) ?? new Set()).add(digest));
}

/**
 * The ECR records of the images a cluster's tasks run, from the tasks alone (each container names
 * its image and digest), so the overview can start this lookup while it still describes services.
 */
export function lookUpRunningImages(scope: EnvScope, tasks: readonly Task[]): Promise<Map<string, EcrImage>> {
  const byRepository = new Map<string, Set<string>>();
  for (const task of tasks) {
    if (task.lastStatus !== "RUNNING") continue;
    for (const c of task.containers) {
      const reference = c.image ? parseImageReference(c.image) : undefined;
      if (c.imageDigest && reference?.ecr && inEnvironmentRegistry(scope.env, reference)) add(byRepository, reference.repository, c.imageDigest);
    }
  }
  return lookUp(scope, byRepository);
}

/** The digests whose ECR record describes what this container runs, the running ones first. */
function digestsOf(c: ContainerImage): string[] {
  return [...new Set([...c.runningDigests, ...(c.reference?.digest ? [c.reference.digest] : [])])];
}

/** Fills `commit` (when missing) and `runningScan` from ECR; `known` images are not looked up again. */
export async function enrichFromEcr(ctx: QueryContext, scope: EnvScope, containers: ContainerImage[], known: ImagesByDigest = new Map()): Promise<void> {
  const ours = containers.filter((c) => c.repository && inEnvironmentRegistry(scope.env, c.reference));
  const missing = new Map<string, Set<string>>();
  for (const c of ours) for (const digest of digestsOf(c)) if (!known.has(digest)) add(missing, c.repository ?? "", digest);
  const images = missing.size === 0 ? known : new Map([...known, ...(await lookUp(scope, missing))]);
  for (const c of ours) {
    const found = digestsOf(c).flatMap((digest) => images.get(digest) ?? []);
    const scan = found[0]?.scan;
    if (scan) c.runningScan = scan;
    c.commit ??= found.map((image) => commitLink(ctx.config, c.repository, image.tags)).find((commit) => commit !== undefined);
  }
}
