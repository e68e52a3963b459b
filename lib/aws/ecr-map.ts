// SDK ECR shapes → lib/domain types. Basic and enhanced (Inspector) findings are normalised into
// one ScanFinding so pages never care which scanner produced them.
import type {
  EnhancedImageScanFinding,
  ImageDetail,
  ImageScanFinding,
  ImageScanFindingsSummary,
  ImageScanStatus,
  Repository as SdkRepository,
} from "@aws-sdk/client-ecr";
import type { EcrImage, Repository, ScanFinding, ScanSummary, SeverityCounts } from "@/lib/domain/types";

export function mapRepository(r: SdkRepository): Repository {
  return {
    name: r.repositoryName ?? "",
    arn: r.repositoryArn ?? "",
    uri: r.repositoryUri ?? "",
    registryId: r.registryId ?? "",
    ...(r.createdAt && { createdAt: r.createdAt }),
    scanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false,
    ...(r.imageTagMutability && { tagMutability: r.imageTagMutability }),
  };
}

// mapScanSummary and mapImage run for every image of a repository on each list refresh (5,000
// images is five DescribeImages pages): they assign optional members one by one, because the
// `...(x && { x })` spread pattern costs several times more per object.
export function mapScanSummary(status?: ImageScanStatus, summary?: ImageScanFindingsSummary): ScanSummary | undefined {
  if (!status && !summary) return undefined;
  const scan: ScanSummary = {};
  if (status?.status) scan.status = status.status;
  if (status?.description) scan.description = status.description;
  if (summary?.imageScanCompletedAt) scan.completedAt = summary.imageScanCompletedAt;
  if (summary?.findingSeverityCounts) scan.severityCounts = { ...summary.findingSeverityCounts } as SeverityCounts;
  return scan;
}

export function mapImage(d: ImageDetail): EcrImage {
  const image: EcrImage = {
    repositoryName: d.repositoryName ?? "",
    digest: d.imageDigest ?? "",
    tags: d.imageTags ?? [],
    pushedAt: d.imagePushedAt ?? new Date(0),
  };
  if (d.imageSizeInBytes !== undefined) image.sizeInBytes = d.imageSizeInBytes;
  if (d.imageManifestMediaType) image.manifestMediaType = d.imageManifestMediaType;
  const scan = mapScanSummary(d.imageScanStatus, d.imageScanFindingsSummary);
  if (scan) image.scan = scan;
  if (d.lastRecordedPullTime) image.lastPulledAt = d.lastRecordedPullTime;
  if (d.imageStatus) image.status = d.imageStatus;
  if (d.lastArchivedAt) image.lastArchivedAt = d.lastArchivedAt;
  if (d.lastActivatedAt) image.lastActivatedAt = d.lastActivatedAt;
  return image;
}

function attribute(f: ImageScanFinding, key: string): string | undefined {
  return f.attributes?.find((a) => a.key === key)?.value;
}

export function mapBasicFinding(f: ImageScanFinding): ScanFinding {
  const score = Number(attribute(f, "CVSS3_SCORE") ?? attribute(f, "CVSS2_SCORE"));
  const packageName = attribute(f, "package_name");
  const packageVersion = attribute(f, "package_version");
  return {
    id: f.name ?? "",
    severity: f.severity ?? "UNDEFINED",
    ...(f.description && { description: f.description }),
    ...(f.uri && { url: f.uri }),
    ...(packageName && { packageName }),
    ...(packageVersion && { packageVersion }),
    ...(Number.isFinite(score) && { score }),
    source: "basic",
  };
}

export function mapEnhancedFinding(f: EnhancedImageScanFinding): ScanFinding {
  const details = f.packageVulnerabilityDetails;
  const pkg = details?.vulnerablePackages?.[0];
  const url = details?.sourceUrl ?? f.remediation?.recommendation?.url;
  const score = f.score ?? f.scoreDetails?.cvss?.score;
  return {
    id: details?.vulnerabilityId ?? f.findingArn ?? f.title ?? "",
    ...(f.title && { title: f.title }),
    severity: f.severity ?? "UNDEFINED",
    ...(f.description && { description: f.description }),
    ...(url && { url }),
    ...(pkg?.name && { packageName: pkg.name }),
    ...(pkg?.version && { packageVersion: pkg.version }),
    ...(pkg?.fixedInVersion && pkg.fixedInVersion !== "NotAvailable" && { fixedInVersion: pkg.fixedInVersion }),
    ...(score !== undefined && { score }),
    source: "enhanced",
  };
}
