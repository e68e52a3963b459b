// Image resolution at deployment start (versionConsistency enabled, aws-behaviour.md §2.2): every task
// of a deployment runs the digest its tag pointed to when the deployment started.
import { createHash } from "node:crypto";
import type { EcrRegionState } from "../core/operation";
import { parseImageUri, pinnedImageUri } from "../ecr/image-uri";
import type { ArnScope } from "./arns";
import { pulledDigest } from "./pull-check";
import type { ResolvedImage, TaskDefinitionRecord, TaskFate } from "./types";

const DIGEST = /@(sha256:[0-9a-f]{64})$/;

export function resolveDeploymentImages(scope: ArnScope, ecr: EcrRegionState, td: TaskDefinitionRecord): ResolvedImage[] {
  return td.containerNames.map((name, i) => {
    const image = td.images[i] ?? "";
    const uri = parseImageUri(image);
    if (uri && uri.account === scope.account && uri.region === scope.region) {
      const resolved = ecr.resolveImage(image);
      if (!resolved) return { name, image };
      return { name, image, digest: resolved.digest, pinnedUri: pinnedImageUri(uri, resolved.digest) };
    }
    // Emulator choice: images outside this account's regional registry (Docker Hub, other accounts) are
    // always pullable; their digest is the one in the reference or a stable hash of the reference.
    const digest = DIGEST.exec(image)?.[1] ?? `sha256:${createHash("sha256").update(image).digest("hex")}`;
    return { name, image, digest };
  });
}

/** Decided when a task is launched, so marking an image as crashing affects the next launches. */
export function taskFate(ecr: EcrRegionState, images: ResolvedImage[]): TaskFate {
  if (images.some((img) => pulledDigest(ecr, img) === undefined)) return "pull-fail";
  const crashing = images.some((img) => img.pinnedUri !== undefined && ecr.resolveImage(img.pinnedUri)?.crashing === true);
  return crashing ? "crash" : "run";
}
