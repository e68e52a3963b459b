// Scan on push, on-demand scans and findings in basic and enhanced shapes (aws-behaviour.md §4.3).
import {
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  paginateDescribeImageScanFindings,
  StartImageScanCommand,
  type ECRClient,
} from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EcrRegion } from "../../sandbox/ecr/state";
import type { TestSandbox } from "../support/sandbox";
import type { SeedFinding } from "../support/sandbox-control";
import { ACCOUNT, createRepository, expectAwsError, noRetryClient, putImage, startSandboxWithModel } from "./ecr-fixtures";

const FINDINGS: SeedFinding[] = [
  { id: "CVE-2024-0002", severity: "HIGH", packageName: "openssl", packageVersion: "3.0.11", fixedInVersion: "3.0.13" },
  { id: "CVE-2024-0001", severity: "CRITICAL", packageName: "glibc", packageVersion: "2.36", description: "Heap overflow in glibc." },
  { id: "CVE-2024-0003", severity: "LOW", packageName: "zlib", packageVersion: "1.2.13" },
  { id: "CVE-2024-0004", severity: "HIGH", packageName: "curl", packageVersion: "7.88.1", fixedInVersion: "7.88.2" },
];

let sandbox: TestSandbox;
let ecrModel: () => EcrRegion;
let strict: ECRClient;
beforeAll(async () => {
  ({ sandbox, ecrModel } = await startSandboxWithModel());
  strict = noRetryClient(sandbox);
  await createRepository(sandbox, "scanned", true);
  await createRepository(sandbox, "manual", false);
  await createRepository(sandbox, "enhanced", true);
});
afterAll(async () => {
  strict.destroy();
  await sandbox.close();
});

const findingsOf = (repositoryName: string, imageTag: string, maxResults?: number) =>
  sandbox.ecr.send(new DescribeImageScanFindingsCommand({ repositoryName, imageId: { imageTag }, maxResults }));
const detailOf = async (repositoryName: string, imageTag: string) =>
  (await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName, imageIds: [{ imageTag }] }))).imageDetails?.[0];

describe("basic scan on push", () => {
  it("is IN_PROGRESS until a few sim seconds pass, then COMPLETE with a summary", async () => {
    const { sha } = await sandbox.control.push({ repository: "scanned", findings: FINDINGS });
    const tag = `prod-${sha}`;
    expect((await findingsOf("scanned", tag)).imageScanStatus).toEqual({ status: "IN_PROGRESS" });
    expect((await findingsOf("scanned", tag)).imageScanFindings).toBeUndefined();
    expect(await detailOf("scanned", tag)).toMatchObject({ imageScanStatus: { status: "IN_PROGRESS" } });
    expect((await detailOf("scanned", tag))?.imageScanFindingsSummary).toBeUndefined();

    await sandbox.control.advance(5_000);
    const out = await findingsOf("scanned", tag);
    expect(out.imageScanStatus).toEqual({ status: "COMPLETE", description: "The scan was completed successfully." });
    const counts = { CRITICAL: 1, HIGH: 2, LOW: 1 };
    expect(out.imageScanFindings?.findingSeverityCounts).toEqual(counts);
    expect(out.imageScanFindings?.enhancedFindings).toBeUndefined();
    expect(out.imageScanFindings?.findings?.map((f) => f.name)).toEqual(["CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0004", "CVE-2024-0003"]);
    expect(out.imageScanFindings?.findings?.[1]).toEqual({
      name: "CVE-2024-0002",
      description: "openssl 3.0.11 is affected by CVE-2024-0002.",
      uri: "https://security-tracker.debian.org/tracker/CVE-2024-0002",
      severity: "HIGH",
      attributes: [
        { key: "package_version", value: "3.0.11" },
        { key: "package_name", value: "openssl" },
        { key: "CVSS2_VECTOR", value: "AV:N/AC:L/Au:N/C:P/I:P/A:P" },
        { key: "CVSS2_SCORE", value: "7.5" },
      ],
    });
    const detail = await detailOf("scanned", tag);
    expect(detail?.imageScanStatus?.status).toBe("COMPLETE");
    expect(detail?.imageScanFindingsSummary?.findingSeverityCounts).toEqual(counts);
    expect(detail?.imageScanFindingsSummary?.imageScanCompletedAt).toEqual(out.imageScanFindings?.imageScanCompletedAt);
    expect(detail?.imageScanFindingsSummary?.vulnerabilitySourceUpdatedAt).toBeInstanceOf(Date);
  });

  it("pages findings with the SDK paginator", async () => {
    const many: SeedFinding[] = Array.from({ length: 230 }, (_, i) => ({
      id: `CVE-2023-${String(i).padStart(5, "0")}`,
      severity: i % 2 ? "MEDIUM" : "HIGH",
      packageName: `pkg-${i}`,
      packageVersion: "1.0",
    }));
    const { sha } = await sandbox.control.push({ repository: "scanned", findings: many });
    await sandbox.control.advance(5_000);
    const pages = [];
    const query = { repositoryName: "scanned", imageId: { imageTag: `prod-${sha}` } };
    for await (const page of paginateDescribeImageScanFindings({ client: sandbox.ecr }, query)) pages.push(page);
    expect(pages.map((page) => page.imageScanFindings?.findings?.length)).toEqual([100, 100, 30]);
    const severities = pages.flatMap((page) => page.imageScanFindings?.findings?.map((f) => f.severity) ?? []);
    expect(severities.indexOf("MEDIUM")).toBe(115);
    expect(pages[2]?.imageScanFindings?.findingSeverityCounts).toEqual({ HIGH: 115, MEDIUM: 115 });
  });

  it("counts the push scan against the one-scan-per-24-h quota", async () => {
    const { sha } = await sandbox.control.push({ repository: "scanned" });
    const scan = strict.send(new StartImageScanCommand({ repositoryName: "scanned", imageId: { imageTag: `prod-${sha}` } }));
    await expectAwsError(scan, "LimitExceededException", "The scan quota per image has been exceeded. Wait and try again.");
  });
});

describe("on-demand scans", () => {
  it("has no scan before StartImageScan, then one scan per 24 h", async () => {
    const digest = await putImage(sandbox, "manual", "manual-1", "v1");
    await expectAwsError(
      findingsOf("manual", "v1"),
      "ScanNotFoundException",
      `Image scan does not exist for the image with '{imageDigest:'null', imageTag:'v1'}' in the repository with name 'manual' in the registry with id '${ACCOUNT}'`,
    );
    expect((await detailOf("manual", "v1"))?.imageScanStatus).toBeUndefined();
    const started = await strict.send(new StartImageScanCommand({ repositoryName: "manual", imageId: { imageDigest: digest } }));
    expect(started).toMatchObject({ registryId: ACCOUNT, repositoryName: "manual", imageId: { imageDigest: digest }, imageScanStatus: { status: "IN_PROGRESS" } });
    await sandbox.control.advance(60_000);
    expect((await findingsOf("manual", "v1")).imageScanFindings).toMatchObject({ findings: [], findingSeverityCounts: {} });
    const again = strict.send(new StartImageScanCommand({ repositoryName: "manual", imageId: { imageTag: "v1" } }));
    await expectAwsError(again, "LimitExceededException");
    await sandbox.control.advance(24 * 3600 * 1000);
    const later = await strict.send(new StartImageScanCommand({ repositoryName: "manual", imageId: { imageTag: "v1" } }));
    expect(later.imageScanStatus?.status).toBe("IN_PROGRESS");
  });

  it.each([
    [{ repositoryName: "manual", imageId: { imageTag: "nope" } }, "ImageNotFoundException"],
    [{ repositoryName: "missing-repo", imageId: { imageTag: "v1" } }, "RepositoryNotFoundException"],
    [{ repositoryName: "manual", imageId: {} }, "InvalidParameterException"],
  ])("DescribeImageScanFindings(%j) fails with %s", async (input, code) => {
    await expectAwsError(sandbox.ecr.send(new DescribeImageScanFindingsCommand(input)), code);
  });
});

describe("enhanced scanning", () => {
  it("reports ACTIVE continuous scans with Inspector-shaped findings and leaves DescribeImages' scan members empty", async () => {
    ecrModel().setScanType("enhanced", "ENHANCED");
    const { sha, digest } = await sandbox.control.push({ repository: "enhanced", findings: FINDINGS });
    await sandbox.control.advance(5_000);
    const tag = `prod-${sha}`;
    const detail = await detailOf("enhanced", tag);
    expect(detail?.imageScanStatus).toBeUndefined();
    expect(detail?.imageScanFindingsSummary).toBeUndefined();

    const out = await findingsOf("enhanced", tag, 2);
    expect(out.imageScanStatus).toEqual({ status: "ACTIVE", description: "Continuous scan is selected for image." });
    expect(out.imageScanFindings?.findings).toBeUndefined();
    expect(out.imageScanFindings?.findingSeverityCounts).toEqual({ CRITICAL: 1, HIGH: 2, LOW: 1 });
    expect(out.nextToken).toBeTruthy();
    const [critical, high] = out.imageScanFindings?.enhancedFindings ?? [];
    expect(critical).toMatchObject({
      awsAccountId: ACCOUNT,
      title: "CVE-2024-0001 - glibc",
      description: "Heap overflow in glibc.",
      severity: "CRITICAL",
      status: "ACTIVE",
      type: "PACKAGE_VULNERABILITY",
      score: 9.8,
      fixAvailable: "NO",
      packageVulnerabilityDetails: {
        vulnerabilityId: "CVE-2024-0001",
        vulnerablePackages: [expect.objectContaining({ name: "glibc", version: "2.36", fixedInVersion: "NotAvailable" })],
      },
      resources: [expect.objectContaining({ type: "AWS_ECR_CONTAINER_IMAGE", details: { awsEcrContainerImage: expect.objectContaining({ imageHash: digest, repositoryName: "enhanced" }) } })],
    });
    expect(critical?.findingArn).toMatch(new RegExp(`^arn:aws:inspector2:ap-south-1:${ACCOUNT}:finding/[0-9a-f]{32}$`));
    expect(high).toMatchObject({
      fixAvailable: "YES",
      remediation: { recommendation: { text: "Upgrade openssl to version 3.0.13 or later." } },
      packageVulnerabilityDetails: { vulnerablePackages: [expect.objectContaining({ name: "openssl", fixedInVersion: "3.0.13" })] },
    });
    const next = await sandbox.ecr.send(
      new DescribeImageScanFindingsCommand({ repositoryName: "enhanced", imageId: { imageTag: tag }, maxResults: 2, nextToken: out.nextToken }),
    );
    expect(next.imageScanFindings?.enhancedFindings?.map((f) => f.title)).toEqual(["CVE-2024-0004 - curl", "CVE-2024-0003 - zlib"]);
    expect(next.nextToken).toBeUndefined();
  });

  it("refuses on-demand scans", async () => {
    const { sha } = await sandbox.control.push({ repository: "enhanced" });
    await expectAwsError(strict.send(new StartImageScanCommand({ repositoryName: "enhanced", imageId: { imageTag: `prod-${sha}` } })), "ValidationException");
  });
});
