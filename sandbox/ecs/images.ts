// Image resolution at deployment start (versionConsistency enabled, aws-behaviour.md §2.2): every task
// of a deployment runs the digest its tag pointed to when the deployment started.
import { createHash } from "node:crypto";
import type { EcrRegionState } from "../core/operation";
import type { ArnScope } from "./arns";
import type { ResolvedImage, TaskDefinitionRecord, TaskFate } from "./types";

const ECR_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^@:]+)(?::[^@]+)?(?:@(sha256:[0-9a-f]{64}))?$/;
const DIGEST = /@(sha256:[0-9a-f]{64})$/;

export function resolveDeploymentImages(scope: ArnScope, ecr: EcrRegionState, td: TaskDefinitionRecord): ResolvedImage[] {
  return td.containerNames.map((name, i) => {
    const image = td.images[i] ?? "";
    const ecrMatch = ECR_URI.exec(image);
    if (ecrMatch && ecrMatch[1] === scope.account && ecrMatch[2] === scope.region) {
      const resolved = ecr.resolveImage(image);
      if (!resolved) return { name, image };
      return { name, image, digest: resolved.digest, pinnedUri: pinned(image, resolved.digest) };
    }
    // Emulator choice: images outside this account's regional registry (Docker Hub, other accounts) are
    // always pullable; their digest is the one in the reference or a stable hash of the reference.
    const digest = DIGEST.exec(image)?.[1] ?? `sha256:${createHash("sha256").update(image).digest("hex")}`;
    return { name, image, digest };
  });
}

/** `{registry}/{repo}:{tag}` or `…@sha256:x` → `{registry}/{repo}@{digest}`. */
function pinned(image: string, digest: string): string {
  const at = image.indexOf("@");
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const slash = withoutDigest.indexOf("/");
  const colon = withoutDigest.indexOf(":", slash);
  return `${colon >= 0 ? withoutDigest.slice(0, colon) : withoutDigest}@${digest}`;
}

/** Decided when a task is launched, so marking an image as crashing affects the next launches. */
export function taskFate(ecr: EcrRegionState, images: ResolvedImage[]): TaskFate {
  if (images.some((img) => img.digest === undefined)) return "pull-fail";
  const crashing = images.some((img) => img.pinnedUri !== undefined && ecr.resolveImage(img.pinnedUri)?.crashing === true);
  return crashing ? "crash" : "run";
}
