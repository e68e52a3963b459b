// Storing a manifest in a repository: shared by PutImage (one optional tag, strict about duplicates)
// and CI pushes from the control API and the seed (many tags, idempotent like `docker push`).
import type { SeedFinding } from "../core/operation";
import { AwsError } from "../core/aws-error";
import { constraintViolation, imageAlreadyExists, imageTagAlreadyExists } from "./errors";
import type { ImageRecord } from "./images";
import { parseManifest, sha256Digest } from "./manifest";
import type { Repository } from "./repositories";
import { startScan } from "./scanning";

export interface ManifestPush {
  manifest: string;
  mediaType?: string;
  tags: string[];
  pushedAt: number;
  /** PutImage: pushing a digest+tag that already exists fails with ImageAlreadyExistsException. */
  strict: boolean;
  expectedDigest?: string;
  sizeInBytes?: number;
  findings?: SeedFinding[];
  crashing?: boolean;
  scanned?: boolean;
}

export function pushManifest(repo: Repository, registryId: string, push: ManifestPush): ImageRecord {
  const parsed = parseManifest(push.manifest, push.mediaType);
  if (!parsed) throw constraintViolation("imageManifest", "Invalid JSON syntax");
  const digest = sha256Digest(push.manifest);
  if (push.expectedDigest !== undefined && push.expectedDigest !== digest) {
    throw new AwsError(
      "ImageDigestDoesNotMatchException",
      `The specified digest ${push.expectedDigest} does not match the digest of the manifest, ${digest}.`,
    );
  }
  const existing = repo.images.get(digest);
  if (push.strict && existing && (push.tags.length === 0 || push.tags.every((tag) => existing.tags.includes(tag)))) {
    throw imageAlreadyExists(digest, push.tags[0], repo.name, registryId);
  }
  // Check every tag before changing anything, so a refused push leaves the repository untouched.
  for (const tag of push.tags) {
    const holder = repo.images.byTagName(tag);
    if (holder && holder.digest !== digest && repo.isTagImmutable(tag)) throw imageTagAlreadyExists(tag, repo.name);
  }
  const image: ImageRecord = existing ?? {
    digest,
    manifest: push.manifest,
    mediaType: parsed.mediaType,
    artifactMediaType: parsed.artifactMediaType,
    sizeInBytes: push.sizeInBytes ?? parsed.sizeInBytes,
    pushedAt: push.pushedAt,
    references: parsed.references,
    tags: [],
    crashing: push.crashing ?? false,
    findings: push.findings ?? [],
  };
  if (!existing) {
    repo.images.add(image);
    // Emulator choice: enhanced scanning scans every pushed image, basic only with scanOnPush.
    if (repo.scanOnPush || repo.scanType === "ENHANCED" || push.scanned) startScan(image, push.pushedAt);
  }
  for (const tag of push.tags) repo.images.tag(image, tag);
  return image;
}
