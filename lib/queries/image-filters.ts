// Image-history filters and pagination, applied in memory to the repository's cached image list.
import { findCommit, productionPattern, type TagPatterns } from "@/lib/domain/prod-tag";
import { hasAtLeast } from "@/lib/domain/severity";
import type { EcrImage } from "@/lib/domain/types";
import type { ImageHistoryQuery } from "./types";

export function filterImages(images: readonly EcrImage[], query: ImageHistoryQuery, tagPattern: TagPatterns): EcrImage[] {
  const q = query.q?.toLowerCase();
  const production = productionPattern(tagPattern);
  return images.filter((image) => {
    const commit = findCommit(image.tags, tagPattern);
    // Every pattern names commits; only the first names production images (docs/configuration.md).
    if (query.prod && !(production && findCommit(image.tags, production))) return false;
    if (query.severity && !hasAtLeast(image.scan?.severityCounts, query.severity)) return false;
    if (q && !image.digest.includes(q) && !commit?.sha.includes(q) && !image.tags.some((t) => t.toLowerCase().includes(q))) return false;
    return true;
  });
}

export function paginate<T>(items: readonly T[], page: number, pageSize: number): { items: T[]; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  return { items: items.slice((page - 1) * pageSize, page * pageSize), pageCount };
}
