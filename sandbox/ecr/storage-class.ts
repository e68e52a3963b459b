// ECR's archive storage class (aws-behaviour.md §8.5). An image's status is a pure function of its
// storage record and the clock, like a scan's, so a restore completing costs nothing in advanceTo.
import { AwsError } from "../core/aws-error";
import type { ImageRecord } from "./images";

export type ImageStatus = "ACTIVE" | "ARCHIVED" | "ACTIVATING";
export type StorageClass = "STANDARD" | "ARCHIVE";

/** Emulator choice: a restore takes exactly 20 sandbox minutes (AWS says "about 20 minutes"). */
export const RESTORE_DURATION_MS = 20 * 60_000;

/** Set once an image is first archived; `activatedBefore` keeps an earlier restore's completion time. */
export interface StorageRecord {
  lastArchivedAt: number;
  restoreStartedAt?: number;
  activatedBefore?: number;
}

export function imageStatus(image: ImageRecord, now: number): ImageStatus {
  const storage = image.storage;
  if (!storage) return "ACTIVE";
  if (storage.restoreStartedAt === undefined) return "ARCHIVED";
  return now >= storage.restoreStartedAt + RESTORE_DURATION_MS ? "ACTIVE" : "ACTIVATING";
}

export const isActive = (image: ImageRecord, now: number) => image.storage === undefined || imageStatus(image, now) === "ACTIVE";

/** When the image last finished a restore (ACTIVATING does not count until it completes). */
export function lastActivatedAt(image: ImageRecord, now: number): number | undefined {
  const storage = image.storage;
  if (!storage) return undefined;
  const restored = storage.restoreStartedAt === undefined ? undefined : storage.restoreStartedAt + RESTORE_DURATION_MS;
  return restored !== undefined && now >= restored ? restored : storage.activatedBefore;
}

const unsupported = (message: string) => new AwsError("ImageStorageClassUpdateNotSupportedException", message);

/**
 * UpdateImageStorageClass's transition. Emulator choice (AWS's texts are not public): asking for the
 * class the image is already in, or changing an image while it is being restored, is refused with
 * ImageStorageClassUpdateNotSupportedException and changes nothing.
 */
export function changeStorageClass(image: ImageRecord, target: StorageClass, now: number): void {
  const status = imageStatus(image, now);
  if (status === "ACTIVATING") throw unsupported("The image is being restored to the STANDARD storage class; wait until it is ACTIVE.");
  if (target === "ARCHIVE") {
    if (status === "ARCHIVED") throw unsupported("The image is already in the ARCHIVE storage class.");
    image.storage = { lastArchivedAt: now, activatedBefore: lastActivatedAt(image, now) };
    return;
  }
  if (status === "ACTIVE" || !image.storage) throw unsupported("The image is already in the STANDARD storage class.");
  image.storage.restoreStartedAt = now;
}
