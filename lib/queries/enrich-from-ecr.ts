// What ECR knows about the images a service runs, added to its containers with one batched
// DescribeImages per repository:
// - the commit, for containers pinned by digest (as rollbacks deploy them) or tagged with a moving
//   tag: their reference carries no `prod-<sha>` tag, but the running digest's tags in ECR do;
// - the scan summary of the running image, so "is what runs in prod safe?" shows at a glance.
// A failed lookup leaves both unknown rather than failing the view.
import { lookupImages, type EnvScope, type ImageId } from "@/lib/aws";
import { commitLink } from "./commit";
import type { QueryContext } from "./context";
import { inEnvironmentRegistry } from "./ecr-match";
import type { ContainerImage } from "./types";

/** The digests whose ECR record describes what this container runs, the running ones first. */
function digestsToLookUp(c: ContainerImage): string[] {
  return [...new Set([...c.runningDigests, ...(c.reference?.digest ? [c.reference.digest] : [])])];
}

export async function enrichFromEcr(ctx: QueryContext, scope: EnvScope, containers: ContainerImage[]): Promise<void> {
  const pending = containers.filter((c) => c.repository && inEnvironmentRegistry(scope.env, c.reference) && digestsToLookUp(c).length > 0);
  const byRepository = new Map<string, ImageId[]>();
  for (const c of pending) {
    const ids = byRepository.get(c.repository ?? "") ?? [];
    ids.push(...digestsToLookUp(c).map((digest) => ({ digest })));
    byRepository.set(c.repository ?? "", ids);
  }
  await Promise.all(
    [...byRepository].map(async ([repository, ids]) => {
      const found = await lookupImages(scope, repository, ids).catch(() => undefined);
      if (!found) return;
      for (const c of pending.filter((p) => p.repository === repository)) {
        const images = digestsToLookUp(c).flatMap((digest) => found.get(`digest:${digest}`) ?? []);
        const scan = images[0]?.scan;
        if (scan) c.runningScan = scan;
        c.commit ??= images.map((image) => commitLink(ctx.config, repository, image.tags)).find((commit) => commit !== undefined);
      }
    }),
  );
}
