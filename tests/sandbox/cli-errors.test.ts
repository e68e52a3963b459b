// The AWS CLI v1 (botocore) against the sandbox: errors, scan findings and lifecycle policies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYMENTS_CRITICAL_FINDING, PAYMENTS_CRITICAL_TAG } from "../../sandbox/seed/demo-facts";
import { awsCli } from "../support/aws-cli";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: "demo" });
});
afterAll(() => sandbox.close());

describe("AWS CLI errors", () => {
  it("describe-services on a missing cluster exits non-zero with the AWS message", async () => {
    const result = await awsCli(sandbox.endpoint, ["ecs", "describe-services", "--cluster", "nowhere", "--services", "web"]);
    expect([254, 255]).toContain(result.code);
    expect(result.stderr).toContain("An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.");
  });

  it("reports throttling with the code the CLI retries on", async () => {
    await sandbox.control.setFaults({ rules: { ListClusters: { throttle: { ratePerSecond: 0.001, burst: 1 } } } });
    await awsCli(sandbox.endpoint, ["ecs", "list-clusters"]);
    // Two attempts instead of the legacy five keep the CLI's backoff short.
    const result = await awsCli(sandbox.endpoint, ["ecs", "list-clusters"], { env: { AWS_MAX_ATTEMPTS: "2" } });
    await sandbox.control.clearFaults();
    expect([254, 255]).toContain(result.code);
    expect(result.stderr).toMatch(/An error occurred \(ThrottlingException\) when calling the ListClusters operation \(reached max retries: \d\): Rate exceeded/);
  });
});

describe("ECR through the CLI", () => {
  it("describe-image-scan-findings shows the CRITICAL payments finding", async () => {
    const result = await awsCli(sandbox.endpoint, [
      "ecr",
      "describe-image-scan-findings",
      "--repository-name",
      "payments",
      "--image-id",
      `imageTag=${PAYMENTS_CRITICAL_TAG}`,
    ]);
    expect(result.stderr).toBe("");
    const output = JSON.parse(result.stdout) as {
      imageScanStatus: { status: string };
      imageScanFindings: { findingSeverityCounts: Record<string, number>; findings: Array<{ name: string; severity: string }> };
    };
    expect(output.imageScanStatus.status).toBe("COMPLETE");
    expect(output.imageScanFindings.findingSeverityCounts.CRITICAL).toBeGreaterThanOrEqual(1);
    expect(output.imageScanFindings.findings).toContainEqual(expect.objectContaining({ name: PAYMENTS_CRITICAL_FINDING.id, severity: "CRITICAL" }));
  });

  it("put-lifecycle-policy stores a policy that get-lifecycle-policy returns, and rejects a bad one", async () => {
    const policy = JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          description: "Keep the last 5 prod images",
          selection: { tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: 5 },
          action: { type: "expire" },
        },
      ],
    });
    const put = await awsCli(sandbox.endpoint, ["ecr", "put-lifecycle-policy", "--repository-name", "web", "--lifecycle-policy-text", policy]);
    expect(put.code, put.stderr).toBe(0);
    expect(JSON.parse(put.stdout)).toMatchObject({ repositoryName: "web", registryId: "123456789012" });
    const get = await awsCli(sandbox.endpoint, ["ecr", "get-lifecycle-policy", "--repository-name", "web"]);
    expect(JSON.parse((JSON.parse(get.stdout) as { lifecyclePolicyText: string }).lifecyclePolicyText)).toEqual(JSON.parse(policy));

    // Long enough for botocore's client-side length check, but a tagged rule without a tag list.
    const badPolicy = JSON.stringify({
      rules: [{ rulePriority: 1, description: "Tagged, but which tags?", selection: { tagStatus: "tagged", countType: "imageCountMoreThan", countNumber: 5 }, action: { type: "expire" } }],
    });
    const bad = await awsCli(sandbox.endpoint, ["ecr", "put-lifecycle-policy", "--repository-name", "web", "--lifecycle-policy-text", badPolicy]);
    expect([254, 255]).toContain(bad.code);
    expect(bad.stderr).toMatch(/An error occurred \(\w+Exception\) when calling the PutLifecyclePolicy operation/);
  });
});
