// Containers pinned by digest (as rollbacks deploy them) or tagged with a moving tag carry no
// commit in their reference. Their running digest's tags in ECR do: one batched DescribeImages per
// repository finds them. A failed lookup leaves the commit unknown rather than failing the view.
import { lookupImages, type EnvScope, type ImageId } from "@/lib/aws";
import { commitLink } from "./commit";
import type { QueryContext } from "./context";
import { inEnvironmentRegistry } from "./ecr-match";
import type { ContainerImage } from "./types";

function digestsToLookUp(c: ContainerImage): string[] {
  return c.reference?.digest ? [c.reference.digest] : c.runningDigests;
}

export async function fillCommitsFromEcr(ctx: QueryContext, scope: EnvScope, containers: ContainerImage[]): Promise<void> {
  const pending = containers.filter((c) => !c.commit && c.repository && inEnvironmentRegistry(scope.env, c.reference));
  const byRepository = new Map<string, ImageId[]>();
  for (const c of pending) {
    const ids = byRepository.get(c.repository ?? "") ?? [];
    ids.push(...digestsToLookUp(c).map((digest) => ({ digest })));
    byRepository.set(c.repository ?? "", ids);
  }
  await Promise.all(
    [...byRepository].map(async ([repository, ids]) => {
      if (ids.length === 0) return;
      const found = await lookupImages(scope, repository, ids).catch(() => undefined);
      if (!found) return;
      for (const c of pending.filter((p) => p.repository === repository)) {
        for (const digest of digestsToLookUp(c)) {
          const image = found.get(`digest:${digest}`);
          const commit = image ? commitLink(ctx.config, repository, image.tags) : undefined;
          if (commit) {
            c.commit = commit;
            break;
          }
        }
      }
    }),
  );
}
