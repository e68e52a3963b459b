// Image scanning on the sandbox clock (aws-behaviour.md §4.3). A scan's state is a pure function of its
// start time and the clock, so completing scans costs nothing in advanceTo.
import type { ImageRecord } from "./images";
import type { ScanType } from "./repositories";
import { isActive } from "./storage-class";

/** Emulator choice: a scan completes 5 sim seconds after it starts (one ImageScanComplete waiter poll). */
export const SCAN_DURATION_MS = 5_000;
/** One basic scan per image per 24 h, scan on push included. */
export const SCAN_QUOTA_MS = 86_400_000;

export function startScan(image: ImageRecord, at: number): void {
  image.scan = { startedAt: at, completesAt: at + SCAN_DURATION_MS };
}

export function scanAllowed(image: ImageRecord, now: number): boolean {
  return !image.scan || now - image.scan.startedAt >= SCAN_QUOTA_MS;
}

export function isScanComplete(image: ImageRecord, now: number): boolean {
  return image.scan !== undefined && now >= image.scan.completesAt;
}

/**
 * Emulator choice: the vulnerability database was last updated at midnight UTC of the day the scan
 * completed, which keeps it deterministic and never after the scan.
 */
export function vulnerabilitySourceUpdatedAt(completedAt: number): Date {
  return new Date(completedAt - (completedAt % 86_400_000));
}

/** `imageScanStatus`, or undefined when the image was never scanned. */
export function scanStatusShape(image: ImageRecord, scanType: ScanType, now: number) {
  // Emulator choice: the text is the sandbox's own; an image being restored still reads as archived.
  if (!isActive(image, now)) return { status: "IMAGE_ARCHIVED", description: "The image is archived and is not scanned." };
  if (!image.scan) return undefined;
  // AWS returns no description while a scan runs. Emulator choice: enhanced scans are IN_PROGRESS too
  // until their first result, then ACTIVE as continuous scanning reports (aws-cli #6759).
  if (!isScanComplete(image, now)) return { status: "IN_PROGRESS" };
  return scanType === "ENHANCED"
    ? { status: "ACTIVE", description: "Continuous scan is selected for image." }
    : { status: "COMPLETE", description: "The scan was completed successfully." };
}
