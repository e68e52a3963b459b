// Full scan findings of one image (DescribeImageScanFindings, paginated), basic and enhanced shapes
// normalised. A COMPLETE result never changes for a digest, so it is cached forever; anything else
// (IN_PROGRESS, ACTIVE continuous scans…) is cached for the TTL only.
import { paginateDescribeImageScanFindings } from "@aws-sdk/client-ecr";
import type { ScanFinding, ScanFindings, SeverityCounts } from "@/lib/domain/types";
import { hasErrorCode } from "./errors";
import { mapBasicFinding, mapEnhancedFinding } from "./ecr-map";
import { cacheKey, type EnvScope } from "./runtime";

async function load(scope: EnvScope, repository: string, digest: string): Promise<ScanFindings | undefined> {
  const findings: ScanFinding[] = [];
  let head: Omit<ScanFindings, "findings"> | undefined;
  const input = { repositoryName: repository, imageId: { imageDigest: digest } };
  try {
    for await (const page of paginateDescribeImageScanFindings({ client: scope.clients.ecr, pageSize: 1000 }, input)) {
      const f = page.imageScanFindings;
      head ??= {
        ...(page.imageScanStatus?.status && { status: page.imageScanStatus.status }),
        ...(page.imageScanStatus?.description && { description: page.imageScanStatus.description }),
        ...(f?.imageScanCompletedAt && { completedAt: f.imageScanCompletedAt }),
        severityCounts: { ...(f?.findingSeverityCounts ?? {}) } as SeverityCounts,
      };
      findings.push(...(f?.findings ?? []).map(mapBasicFinding), ...(f?.enhancedFindings ?? []).map(mapEnhancedFinding));
    }
  } catch (error) {
    if (hasErrorCode(error, "ScanNotFoundException")) return undefined;
    throw error;
  }
  return head && { ...head, findings };
}

/** Findings of `digest`, or undefined when the image was never scanned. Throws ImageNotFoundException when it is gone. */
export async function getScanFindings(scope: EnvScope, repository: string, digest: string): Promise<ScanFindings | undefined> {
  const completeKey = `findings|${scope.env.region}|${scope.env.id}|${repository}|${digest}`;
  const complete = scope.rt.immutable.peek<ScanFindings>(completeKey);
  if (complete) return complete;
  const result = await scope.rt.mutable.get(cacheKey(scope, "ecr", "findings", repository, digest), () => load(scope, repository, digest), scope.fresh);
  if (result?.status === "COMPLETE") scope.rt.immutable.set(completeKey, result);
  return result;
}
