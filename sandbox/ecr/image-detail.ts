// DescribeImages' `imageDetails[]` element (aws-behaviour.md §4.2).
import { severityCounts } from "./findings-shapes";
import type { ImageRecord } from "./images";
import { DOCKER_CONFIG } from "./manifest";
import type { Repository } from "./repositories";
import { isScanComplete, scanStatusShape, vulnerabilitySourceUpdatedAt } from "./scanning";
import { imageStatus, lastActivatedAt } from "./storage-class";

export function imageDetail(image: ImageRecord, repo: Repository, registryId: string, now: number) {
  // Enhanced scanning leaves both scan members empty here; clients use DescribeImageScanFindings.
  const basic = repo.scanType === "BASIC";
  const completedAt = image.scan && isScanComplete(image, now) ? image.scan.completesAt : undefined;
  return {
    registryId,
    repositoryName: repo.name,
    imageDigest: image.digest,
    imageTags: image.tags.length ? [...image.tags] : undefined,
    imageSizeInBytes: image.sizeInBytes,
    imagePushedAt: new Date(image.pushedAt),
    imageScanStatus: basic ? scanStatusShape(image, repo.scanType, now) : undefined,
    imageScanFindingsSummary:
      basic && completedAt !== undefined
        ? {
            imageScanCompletedAt: new Date(completedAt),
            vulnerabilitySourceUpdatedAt: vulnerabilitySourceUpdatedAt(completedAt),
            findingSeverityCounts: severityCounts(image.findings, false),
          }
        : undefined,
    imageManifestMediaType: image.mediaType,
    artifactMediaType: image.artifactMediaType ?? (image.references.length ? undefined : DOCKER_CONFIG),
    lastRecordedPullTime: optionalDate(image.lastRecordedPullTime),
    imageStatus: imageStatus(image, now),
    lastArchivedAt: optionalDate(image.storage?.lastArchivedAt),
    lastActivatedAt: optionalDate(lastActivatedAt(image, now)),
  };
}

const optionalDate = (epochMs: number | undefined) => (epochMs === undefined ? undefined : new Date(epochMs));
