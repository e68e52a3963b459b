// Which images an ECR lifecycle policy would expire now: the same answer as GetLifecyclePolicyPreview,
// computed locally so the image history can say "expires by rule 1" without starting a preview.
// Semantics are aws-behaviour.md §4.4 rules 1–9; the numbers in comments refer to them.
import { compareText } from "./compare";
import { selectsImage } from "./lifecycle-match";
import type { LifecyclePolicy, LifecycleRule } from "./lifecycle-policy";

export { describeRule } from "./lifecycle-describe";
export { matchesTagPattern, selectsImage } from "./lifecycle-match";
export { parseLifecyclePolicy } from "./lifecycle-policy";
export type { LifecyclePolicy, LifecycleRule, LifecycleSelection, TagStatus } from "./lifecycle-policy";

export interface LifecycleImage {
  digest: string;
  tags: readonly string[];
  pushedAt: Date;
  /** Digests of manifest lists that reference this image; it is kept while one of them exists (rule 9). */
  referencedBy?: readonly string[];
}

export interface LifecycleExpiry {
  rulePriority: number;
  action: "EXPIRE";
}

const DAY_MS = 86_400_000;

/** Newest first by push time; digest breaks ties so the result never depends on input order. */
function newestFirst(a: LifecycleImage, b: LifecycleImage): number {
  return b.pushedAt.getTime() - a.pushedAt.getTime() || compareText(a.digest, b.digest);
}

function candidates(rule: LifecycleRule, matched: readonly LifecycleImage[], now: Date): LifecycleImage[] {
  const { countType, countNumber } = rule.selection;
  if (countType === "imageCountMoreThan") return matched.slice(countNumber); // rule 6
  const cutoff = now.getTime() - countNumber * DAY_MS;
  return matched.filter((image) => image.pushedAt.getTime() < cutoff); // rule 7
}

export function evaluateLifecyclePolicy(
  policy: LifecyclePolicy,
  images: ReadonlyArray<LifecycleImage>,
  now: Date,
): Map<string, LifecycleExpiry> {
  const present = new Set(images.map((image) => image.digest));
  const sorted = [...images].sort(newestFirst);
  // Images a higher-priority rule's tag selection matched: no lower rule may expire them (rule 2).
  const claimed = new Set<string>();
  const expired = new Map<string, LifecycleExpiry>();

  for (const rule of [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority)) {
    // Every matching image is counted, including ones already claimed or expired (rule 3).
    const matched = sorted.filter((image) => selectsImage(rule.selection, image.tags));
    for (const image of candidates(rule, matched, now)) {
      const inManifestList = image.referencedBy?.some((list) => present.has(list)) ?? false; // rule 9
      if (!claimed.has(image.digest) && !inManifestList) expired.set(image.digest, { rulePriority: rule.rulePriority, action: "EXPIRE" });
    }
    for (const image of matched) claimed.add(image.digest);
  }

  // Oldest first, the order in which ECR expires them (rule 8).
  const result = new Map<string, LifecycleExpiry>();
  for (const image of sorted.toReversed()) {
    const expiry = expired.get(image.digest);
    if (expiry) result.set(image.digest, expiry);
  }
  return result;
}
