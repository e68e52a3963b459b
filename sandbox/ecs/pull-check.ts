// Whether a task launched now can pull one of its deployment's images. The digest was fixed when the
// deployment started; an image of this registry archived since (aws-behaviour.md §8.5) answers the
// pull with 404, so a later launch (a replacement, a scale-out) fails with CannotPullContainerError.
// Emulator choice: images deleted since keep launching, as the sandbox did before archival existed.
import type { EcrRegionState } from "../core/operation";
import type { ResolvedImage } from "./types";

/** The digest the container gets, or undefined when the pull fails (ECS then reports no digest). */
export function pulledDigest(ecr: EcrRegionState, image: ResolvedImage): string | undefined {
  if (image.pinnedUri !== undefined && ecr.isArchived(image.pinnedUri)) return undefined;
  return image.digest;
}
