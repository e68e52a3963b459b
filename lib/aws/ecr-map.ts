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

export function mapScanSummary(status?: ImageScanStatus, summary?: ImageScanFindingsSummary): ScanSummary | undefined {
  if (!status && !summary) return undefined;
  return {
    ...(status?.status && { status: status.status }),
    ...(status?.description && { description: status.description }),
    ...(summary?.imageScanCompletedAt && { completedAt: summary.imageScanCompletedAt }),
    ...(summary?.findingSeverityCounts && { severityCounts: { ...summary.findingSeverityCounts } as SeverityCounts }),
  };
}

export function mapImage(d: ImageDetail): EcrImage {
  const scan = mapScanSummary(d.imageScanStatus, d.imageScanFindingsSummary);
  return {
    repositoryName: d.repositoryName ?? "",
    digest: d.imageDigest ?? "",
    tags: d.imageTags ?? [],
    pushedAt: d.imagePushedAt ?? new Date(0),
    ...(d.imageSizeInBytes !== undefined && { sizeInBytes: d.imageSizeInBytes }),
    ...(d.imageManifestMediaType && { manifestMediaType: d.imageManifestMediaType }),
    ...(scan && { scan }),
    ...(d.lastRecordedPullTime && { lastPulledAt: d.lastRecordedPullTime }),
  };
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
