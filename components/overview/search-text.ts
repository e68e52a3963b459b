import type { ServiceRow } from "@/lib/queries/types";

/**
 * Everything the filter box can match for a service (names, revision, tags, images, SHAs, digests),
 * lower-cased for matchesFilter. A query term has no spaces, so it matches the joined text exactly
 * when it is a substring of one part: parts contained in another part (the tag and SHA inside the
 * image URI, say) are dropped, which keeps the data-filter-text attribute of each row short.
 */
export function serviceSearchText(row: ServiceRow): string {
  const parts = [
    row.envId,
    row.cluster,
    row.name,
    row.revision.label,
    ...row.containers.flatMap((c) => [c.container, c.image, c.tag ?? "", c.commit?.sha ?? "", ...c.runningDigests]),
  ];
  const unique = [...new Set(parts.map((p) => p.toLowerCase()).filter(Boolean))];
  return unique.filter((part) => !unique.some((other) => other !== part && other.includes(part))).join(" ");
}
