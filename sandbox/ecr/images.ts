// The images of one repository. Kept in a Map in push order (a Map iterates in insertion order), with a
// tag index, so lookups are O(1) and a page of DescribeImages never sorts the whole repository.
import type { SeedFinding } from "../core/operation";
import type { StorageRecord } from "./storage-class";

export interface ScanRecord {
  startedAt: number;
  completesAt: number;
}

export interface ImageRecord {
  readonly digest: string;
  readonly manifest: string;
  readonly mediaType: string;
  readonly artifactMediaType?: string;
  readonly sizeInBytes: number;
  readonly pushedAt: number;
  /** Images a manifest list refers to. */
  readonly references: string[];
  /** In the order they were added. */
  tags: string[];
  crashing: boolean;
  /** What a scan of this image reports once complete. */
  findings: SeedFinding[];
  scan?: ScanRecord;
  lastRecordedPullTime?: number;
  /** Absent while the image has never been archived (storage-class.ts). */
  storage?: StorageRecord;
}

export type TagStatus = "TAGGED" | "UNTAGGED" | "ANY";

export class ImageStore {
  private readonly byDigest = new Map<string, ImageRecord>();
  private readonly byTag = new Map<string, string>();

  get size(): number {
    return this.byDigest.size;
  }

  get(digest: string): ImageRecord | undefined {
    return this.byDigest.get(digest);
  }

  byTagName(tag: string): ImageRecord | undefined {
    const digest = this.byTag.get(tag);
    return digest === undefined ? undefined : this.byDigest.get(digest);
  }

  add(image: ImageRecord): void {
    this.byDigest.set(image.digest, image);
    for (const tag of image.tags) this.byTag.set(tag, image.digest);
  }

  /** Point `tag` at `image`, taking it from whichever image held it (docker push semantics). */
  tag(image: ImageRecord, tag: string): void {
    const holder = this.byTagName(tag);
    if (holder === image) return;
    if (holder) holder.tags = holder.tags.filter((t) => t !== tag);
    image.tags.push(tag);
    this.byTag.set(tag, image.digest);
  }

  untag(image: ImageRecord, tag: string): void {
    image.tags = image.tags.filter((t) => t !== tag);
    this.byTag.delete(tag);
  }

  delete(image: ImageRecord): void {
    for (const tag of image.tags) this.byTag.delete(tag);
    this.byDigest.delete(image.digest);
  }

  /** Push order; filtered without copying more than the matches. */
  list(tagStatus: TagStatus = "ANY"): ImageRecord[] {
    const all = [...this.byDigest.values()];
    if (tagStatus === "ANY") return all;
    const tagged = tagStatus === "TAGGED";
    return all.filter((image) => image.tags.length > 0 === tagged);
  }

  values(): IterableIterator<ImageRecord> {
    return this.byDigest.values();
  }

  /** Digests still referenced by a manifest list in this repository. */
  referencedDigests(): Set<string> {
    const referenced = new Set<string>();
    for (const image of this.byDigest.values()) for (const ref of image.references) referenced.add(ref);
    return referenced;
  }
}
