import type { ContainerImage, ServiceRow } from "@/lib/queries/types";

function imageWithoutRegistry(c: ContainerImage): string {
  const registry = c.reference?.registry;
  return registry && c.image.startsWith(`${registry}/`) ? c.image.slice(registry.length + 1) : c.image;
}

/**
 * Everything the filter box can match for a service (names, revision, tags, images, SHAs, digests),
 * lower-cased for matchesFilter. A query term has no spaces, so it matches the joined text exactly
 * when it is a substring of one part: parts contained in another part (the tag and SHA inside the
 * image URI, say) are dropped, and so is the registry host of each image (the same account and
 * region for a whole environment), which keeps the data-filter-text attribute of each row short.
 */
export function serviceSearchText(row: ServiceRow): string {
  const parts = [
    row.envId,
    row.cluster,
    row.name,
    row.revision.label,
    ...row.containers.flatMap((c) => [c.container, imageWithoutRegistry(c), c.tag ?? "", c.commit?.sha ?? "", ...c.runningDigests]),
  ];
  const unique = [...new Set(parts.map((p) => p.toLowerCase()).filter(Boolean))];
  return unique.filter((part) => !unique.some((other) => other !== part && other.includes(part))).join(" ");
}
