// StartImageScan and DescribeImageScanFindings (aws-behaviour.md §4.3).
import { AwsError } from "../../core/aws-error";
import type { Operation } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { optionalString } from "../../core/validate";
import { scanNotFound, scanQuotaExceeded } from "../errors";
import { basicFinding, enhancedFinding, orderFindings, severityCounts } from "../findings-shapes";
import { isScanComplete, scanAllowed, scanStatusShape, startScan, vulnerabilitySourceUpdatedAt } from "../scanning";
import { maxResultsOf, targetImageOf } from "./input";

export const startImageScan: Operation = (input, ctx) => {
  const { repo, registryId, id, image } = targetImageOf(input, ctx);
  if (repo.scanType === "ENHANCED") {
    // Emulator choice: manual scans exist only for basic scanning (containers-roadmap #1605).
    throw new AwsError("ValidationException", "On-demand scans are only supported for basic scanning; this repository uses enhanced (continuous) scanning.");
  }
  if (!scanAllowed(image, ctx.now)) throw scanQuotaExceeded();
  startScan(image, ctx.now);
  return {
    registryId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, imageTag: id.imageTag },
    imageScanStatus: scanStatusShape(image, repo.scanType, ctx.now),
  };
};

export const describeImageScanFindings: Operation = (input, ctx) => {
  const { repo, registryId, id, image } = targetImageOf(input, ctx);
  if (!image.scan) throw scanNotFound(id, repo.name, registryId);
  const head = {
    registryId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, imageTag: id.imageTag },
    imageScanStatus: scanStatusShape(image, repo.scanType, ctx.now),
  };
  if (!isScanComplete(image, ctx.now)) return head;
  const enhanced = repo.scanType === "ENHANCED";
  const completedAt = image.scan.completesAt;
  const page = paginate(orderFindings(image.findings), {
    nextToken: optionalString(input, "nextToken"),
    maxResults: maxResultsOf(input, 1000),
    defaultPageSize: 100,
    queryKey: `DescribeImageScanFindings|${registryId}|${repo.name}|${image.digest}|${repo.scanType}|${completedAt}`,
  });
  const context = { account: ctx.account, region: ctx.region, repositoryName: repo.name, image, observedAt: completedAt };
  return {
    ...head,
    imageScanFindings: {
      imageScanCompletedAt: new Date(completedAt),
      vulnerabilitySourceUpdatedAt: vulnerabilitySourceUpdatedAt(completedAt),
      findingSeverityCounts: severityCounts(image.findings, enhanced),
      findings: enhanced ? undefined : page.items.map(basicFinding),
      enhancedFindings: enhanced ? page.items.map((finding) => enhancedFinding(finding, context)) : undefined,
    },
    nextToken: page.nextToken,
  };
};
