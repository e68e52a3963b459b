// Lifecycle rule evaluation with the documented semantics (aws-behaviour.md §4.4, rules 1–9).
import type { ImageStore } from "../images";
import { isActive } from "../storage-class";
import { selectionMatches } from "./match";
import type { ExpiryDecision, LifecycleRule } from "./policy";

const DAY_MS = 86_400_000;

interface Candidate {
  digest: string;
  tags: string[];
  pushedAt: number;
  order: number;
}

/**
 * Which images `rules` (sorted, applied lowest priority value first) expire at `now`, in the order they
 * are acted on: by rule, then oldest first (rule 8).
 */
export function evaluateLifecycle(rules: readonly LifecycleRule[], images: ImageStore, now: number): ExpiryDecision[] {
  const protectedDigests = images.referencedDigests(); // rule 9
  // Rules without a storage class select standard storage only, so archived (and activating) images are
  // neither counted nor expired: the 90-day archive minimum can never be broken by a policy.
  // Newest first; push order breaks ties so equal timestamps still sort deterministically.
  const all: Candidate[] = images
    .list()
    .filter((image) => isActive(image, now))
    .map((image, order) => ({ digest: image.digest, tags: image.tags, pushedAt: image.pushedAt, order }))
    .sort((a, b) => b.pushedAt - a.pushedAt || b.order - a.order);
  // Images whose tags a higher-priority rule selected: no lower-priority rule may expire them (rules 1, 2).
  const claimed = new Set<string>();
  const decisions: ExpiryDecision[] = [];
  for (const rule of rules) {
    const { selection } = rule;
    // Rule 3: already-claimed images still count towards this rule's selection.
    const selected = all.filter((image) => selectionMatches(selection, image.tags));
    const eligible =
      selection.countType === "imageCountMoreThan"
        ? selected.slice(selection.countNumber) // rule 6
        : selected.filter((image) => now - image.pushedAt > selection.countNumber * DAY_MS); // rule 7
    const expiring = eligible.filter((image) => !claimed.has(image.digest) && !protectedDigests.has(image.digest));
    for (const image of expiring.reverse()) {
      decisions.push({ digest: image.digest, tags: [...image.tags], pushedAt: image.pushedAt, appliedRulePriority: rule.rulePriority });
    }
    for (const image of selected) claimed.add(image.digest);
  }
  return decisions;
}
