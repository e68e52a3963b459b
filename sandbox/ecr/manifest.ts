// Image manifests. A digest is always the sha256 of the exact manifest text ECR stores, so a client can
// verify BatchGetImage's manifest against DescribeImages' digest. Seeded images get a real-looking Docker
// v2 manifest whose config and layer digests are derived from the content seed, so the same seed always
// yields the same digest.
import { createHash } from "node:crypto";

export const DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
export const DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
export const OCI_INDEX = "application/vnd.oci.image.index.v1+json";
export const DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
const DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
const LIST_TYPES = new Set([DOCKER_MANIFEST_LIST, OCI_INDEX]);

export function sha256Digest(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** A Docker v2 schema 2 manifest of one config and three layers adding up to `sizeInBytes`. */
export function buildManifest(contentSeed: string, sizeInBytes: number): string {
  const configSize = 1_500 + (parseInt(sha256Digest(`${contentSeed}#config-size`).slice(7, 11), 16) % 6_000);
  const layerTotal = Math.max(sizeInBytes - configSize, 3);
  const first = Math.floor(layerTotal * 0.6);
  const second = Math.floor(layerTotal * 0.3);
  const sizes = [first, second, layerTotal - first - second];
  const manifest = {
    schemaVersion: 2,
    mediaType: DOCKER_MANIFEST,
    config: { mediaType: DOCKER_CONFIG, size: configSize, digest: sha256Digest(`${contentSeed}#config`) },
    layers: sizes.map((size, i) => ({ mediaType: DOCKER_LAYER, size, digest: sha256Digest(`${contentSeed}#layer${i}`) })),
  };
  // Docker's registry writes manifests indented by three spaces.
  return JSON.stringify(manifest, null, 3);
}

export interface ParsedManifest {
  mediaType: string;
  artifactMediaType?: string;
  sizeInBytes: number;
  /** Digests a manifest list or OCI index refers to (lifecycle rule 9 keeps them). */
  references: string[];
}

interface Descriptor {
  mediaType?: unknown;
  size?: unknown;
  digest?: unknown;
}

/** Undefined when the text is not a JSON object, which PutImage rejects. */
export function parseManifest(text: string, declaredMediaType?: string): ParsedManifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const doc = value as { mediaType?: unknown; config?: Descriptor; layers?: Descriptor[]; manifests?: Descriptor[] };
  const mediaType = declaredMediaType ?? (typeof doc.mediaType === "string" ? doc.mediaType : DOCKER_MANIFEST);
  const sizeOf = (d: Descriptor | undefined) => (typeof d?.size === "number" ? d.size : 0);
  const layers = Array.isArray(doc.layers) ? doc.layers : [];
  const manifests = Array.isArray(doc.manifests) ? doc.manifests : [];
  const isList = LIST_TYPES.has(mediaType);
  return {
    mediaType,
    artifactMediaType: typeof doc.config?.mediaType === "string" ? doc.config.mediaType : undefined,
    // A list's size is its largest member's (ImageDetail documentation); members are not stored here,
    // so the largest declared descriptor size stands in.
    sizeInBytes: isList
      ? Math.max(0, ...manifests.map(sizeOf))
      : sizeOf(doc.config) + layers.reduce((sum, layer) => sum + sizeOf(layer), 0) || text.length,
    references: isList ? manifests.flatMap((m) => (typeof m.digest === "string" ? [m.digest] : [])) : [],
  };
}
