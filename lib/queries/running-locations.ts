// "Where does this image run now", answered from the overview's rows: a container runs an image of
// a repository when its reference names that repository in the same registry; the image is the
// digest its RUNNING tasks report (or, before tasks report one, the referenced tag/digest).
import type { Repository } from "@/lib/domain/types";
import { refersToRepository } from "./ecr-match";
import type { EnvironmentSection, RunningLocation } from "./types";

export interface RunningIndex {
  byDigest: Map<string, RunningLocation[]>;
  byTag: Map<string, RunningLocation[]>;
  all: RunningLocation[];
}

function add(map: Map<string, RunningLocation[]>, key: string, location: RunningLocation): void {
  const list = map.get(key) ?? [];
  if (!list.some((l) => l.envId === location.envId && l.cluster === location.cluster && l.service === location.service)) list.push(location);
  map.set(key, list);
}

/** Where images of `repository` (in the registry of `region`) run, across every environment. */
export function runningIndex(sections: readonly EnvironmentSection[], repository: Repository, region: string): RunningIndex {
  const index: RunningIndex = { byDigest: new Map(), byTag: new Map(), all: [] };
  for (const env of sections) {
    for (const cluster of env.clusters) {
      for (const row of cluster.services) {
        for (const c of row.containers) {
          if (!refersToRepository(c.reference, repository, region)) continue;
          const location = { envId: row.envId, cluster: row.cluster, service: row.name, container: c.container };
          index.all.push(location);
          const digests = c.runningDigests.length > 0 ? c.runningDigests : c.reference?.digest ? [c.reference.digest] : [];
          for (const digest of digests) add(index.byDigest, digest, location);
          if (digests.length === 0 && c.tag) add(index.byTag, c.tag, location);
        }
      }
    }
  }
  return index;
}

/** The locations running the image with `digest` and `tags`. */
export function locationsOf(index: RunningIndex, image: { digest: string; tags: readonly string[] }): RunningLocation[] {
  const out = [...(index.byDigest.get(image.digest) ?? [])];
  for (const tag of image.tags) for (const l of index.byTag.get(tag) ?? []) if (!out.includes(l)) out.push(l);
  return out;
}
