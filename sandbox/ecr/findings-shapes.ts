// Renders seeded findings as DescribeImageScanFindings returns them (aws-behaviour.md §4.3): basic scans
// as `findings[]`, Inspector enhanced scans as `enhancedFindings[]`. Scores and vectors are derived from
// the severity so the same seed always renders the same document.
import { createHash } from "node:crypto";
import type { SeedFinding } from "../core/operation";
import type { ImageRecord } from "./images";

type Severity = SeedFinding["severity"];

const SEVERITY_ORDER: readonly Severity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];
const CVSS3: Record<Severity, { score: number; vector: string } | undefined> = {
  CRITICAL: { score: 9.8, vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" },
  HIGH: { score: 7.5, vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" },
  MEDIUM: { score: 5.3, vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N" },
  LOW: { score: 3.3, vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N" },
  INFORMATIONAL: undefined,
  UNDEFINED: undefined,
};
const CVSS2: Record<Severity, { score: string; vector: string } | undefined> = {
  CRITICAL: { score: "10.0", vector: "AV:N/AC:L/Au:N/C:C/I:C/A:C" },
  HIGH: { score: "7.5", vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P" },
  MEDIUM: { score: "5.0", vector: "AV:N/AC:L/Au:N/C:N/I:N/A:P" },
  LOW: { score: "2.1", vector: "AV:L/AC:L/Au:N/C:P/I:N/A:N" },
  INFORMATIONAL: undefined,
  UNDEFINED: undefined,
};

/** Emulator choice: findings are listed most severe first, then by CVE id, so pages are stable. */
export function orderFindings(findings: readonly SeedFinding[]): SeedFinding[] {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.id.localeCompare(b.id),
  );
}

/** Inspector has no UNDEFINED severity; it reports such findings as UNTRIAGED. */
const enhancedSeverity = (severity: Severity) => (severity === "UNDEFINED" ? "UNTRIAGED" : severity);

export function severityCounts(findings: readonly SeedFinding[], enhanced: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) {
    const key = enhanced ? enhancedSeverity(finding.severity) : finding.severity;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const describe = (f: SeedFinding) =>
  f.description ?? `${f.packageName} ${f.packageVersion} is affected by ${f.id}.`;

export function basicFinding(f: SeedFinding) {
  const cvss = CVSS2[f.severity];
  const attributes = [
    { key: "package_version", value: f.packageVersion },
    { key: "package_name", value: f.packageName },
    ...(cvss ? [{ key: "CVSS2_VECTOR", value: cvss.vector }, { key: "CVSS2_SCORE", value: cvss.score }] : []),
  ];
  return {
    name: f.id,
    description: describe(f),
    uri: `https://security-tracker.debian.org/tracker/${f.id}`,
    severity: f.severity,
    attributes,
  };
}

export interface EnhancedContext {
  account: string;
  region: string;
  repositoryName: string;
  image: ImageRecord;
  observedAt: number;
}

export function enhancedFinding(f: SeedFinding, ctx: EnhancedContext) {
  const cvss = CVSS3[f.severity];
  const findingId = createHash("sha256").update(`${ctx.repositoryName}|${ctx.image.digest}|${f.id}|${f.packageName}`).digest("hex").slice(0, 32);
  const observed = new Date(ctx.observedAt);
  const nvdUrl = `https://nvd.nist.gov/vuln/detail/${f.id}`;
  return {
    awsAccountId: ctx.account,
    findingArn: `arn:aws:inspector2:${ctx.region}:${ctx.account}:finding/${findingId}`,
    title: `${f.id} - ${f.packageName}`,
    description: describe(f),
    severity: enhancedSeverity(f.severity),
    status: "ACTIVE",
    type: "PACKAGE_VULNERABILITY",
    score: cvss?.score,
    scoreDetails: cvss
      ? { cvss: { score: cvss.score, scoreSource: "NVD", scoringVector: cvss.vector, version: "3.1", adjustments: [] } }
      : undefined,
    firstObservedAt: observed,
    lastObservedAt: observed,
    updatedAt: observed,
    fixAvailable: f.fixedInVersion ? "YES" : "NO",
    exploitAvailable: "NO",
    packageVulnerabilityDetails: {
      vulnerabilityId: f.id,
      source: "NVD",
      sourceUrl: nvdUrl,
      referenceUrls: [nvdUrl],
      vendorSeverity: enhancedSeverity(f.severity),
      cvss: cvss ? [{ baseScore: cvss.score, scoringVector: cvss.vector, source: "NVD", version: "3.1" }] : [],
      vulnerablePackages: [
        {
          name: f.packageName,
          version: f.packageVersion,
          fixedInVersion: f.fixedInVersion ?? "NotAvailable",
          packageManager: "OS",
          arch: "X86_64",
          epoch: 0,
        },
      ],
    },
    remediation: {
      recommendation: {
        text: f.fixedInVersion ? `Upgrade ${f.packageName} to version ${f.fixedInVersion} or later.` : "None Provided",
        url: nvdUrl,
      },
    },
    resources: [
      {
        id: `arn:aws:ecr:${ctx.region}:${ctx.account}:repository/${ctx.repositoryName}/${ctx.image.digest}`,
        type: "AWS_ECR_CONTAINER_IMAGE",
        details: {
          awsEcrContainerImage: {
            imageHash: ctx.image.digest,
            imageTags: [...ctx.image.tags],
            pushedAt: new Date(ctx.image.pushedAt),
            registry: ctx.account,
            repositoryName: ctx.repositoryName,
            architecture: "amd64",
            platform: "DEBIAN_12",
            lastInUseAt: ctx.image.lastRecordedPullTime === undefined ? undefined : new Date(ctx.image.lastRecordedPullTime),
          },
        },
      },
    ],
  };
}
