import { describe, expect, it } from "vitest";
import { mapImage, mapScanSummary } from "@/lib/aws/ecr-map";

const PUSHED = new Date("2026-11-20T10:00:00Z");
const DIGEST = `sha256:${"c".repeat(64)}`;

describe("mapImage", () => {
  it.each([
    [
      "a bare image: absent members stay absent",
      { repositoryName: "api", imageDigest: DIGEST, imagePushedAt: PUSHED },
      { repositoryName: "api", digest: DIGEST, tags: [], pushedAt: PUSHED },
    ],
    [
      "a scanned, pulled image",
      {
        repositoryName: "api",
        imageDigest: DIGEST,
        imageTags: ["prod-abc1234", "latest"],
        imagePushedAt: PUSHED,
        imageSizeInBytes: 42,
        imageManifestMediaType: "application/vnd.oci.image.manifest.v1+json",
        imageScanStatus: { status: "COMPLETE" as const, description: "The scan was completed successfully." },
        imageScanFindingsSummary: { imageScanCompletedAt: PUSHED, findingSeverityCounts: { HIGH: 2 } },
        lastRecordedPullTime: PUSHED,
      },
      {
        repositoryName: "api",
        digest: DIGEST,
        tags: ["prod-abc1234", "latest"],
        pushedAt: PUSHED,
        sizeInBytes: 42,
        manifestMediaType: "application/vnd.oci.image.manifest.v1+json",
        scan: { status: "COMPLETE", description: "The scan was completed successfully.", completedAt: PUSHED, severityCounts: { HIGH: 2 } },
        lastPulledAt: PUSHED,
      },
    ],
    [
      "a scan still running: a status and nothing else",
      { repositoryName: "api", imageDigest: DIGEST, imagePushedAt: PUSHED, imageScanStatus: { status: "IN_PROGRESS" as const } },
      { repositoryName: "api", digest: DIGEST, tags: [], pushedAt: PUSHED, scan: { status: "IN_PROGRESS" } },
    ],
  ])("%s", (_what, detail, expected) => {
    expect(mapImage(detail)).toStrictEqual(expected);
  });
});

describe("mapScanSummary", () => {
  it("is undefined for an image never scanned", () => {
    expect(mapScanSummary(undefined, undefined)).toBeUndefined();
  });

  it("copies the severity counts rather than sharing the SDK's object", () => {
    const counts = { CRITICAL: 1 };
    const scan = mapScanSummary(undefined, { findingSeverityCounts: counts });
    expect(scan).toStrictEqual({ severityCounts: { CRITICAL: 1 } });
    expect(scan?.severityCounts).not.toBe(counts);
  });
});
