// The AWS CLI v1 (botocore) against the demo: a read-only key's denials with AWS's message, PassRole,
// and the archived payments image through describe-images and update-image-storage-class.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYMENTS_ARCHIVED_DIGEST, PAYMENTS_ARCHIVED_TAG } from "../../sandbox/seed/demo-facts";
import { awsCli } from "../support/aws-cli";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const READ_ONLY_KEY = "AKIAREADONLYCLI0001";
const DEPLOYER_KEY = "AKIADEPLOYERCLI0001";
const ROLE = "arn:aws:iam::123456789012:role/payments-execution";
const denied = (principal: string, operation: string, action: string, resource: string) =>
  `An error occurred (AccessDeniedException) when calling the ${operation} operation: User: ${principal} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

let sandbox: TestSandbox;
const cli = (accessKeyId: string, args: string[]) => awsCli(sandbox.endpoint, args, { accessKeyId });

beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: "demo" });
  await sandbox.control.setIam({
    identities: {
      [READ_ONLY_KEY]: { user: "dashboard-ro", allow: ["ecs:Describe*", "ecs:List*", "ecr:Describe*", "ecr:List*"] },
      [DEPLOYER_KEY]: { assumedRole: { role: "deployer", session: "gha" }, allow: ["ecs:RegisterTaskDefinition", "ecs:UpdateService", "ecs:Describe*"] },
    },
  });
});
afterAll(() => sandbox.close());

describe("IAM through the CLI", () => {
  it("lets a read-only key describe services but refuses update-service", async () => {
    const read = await cli(READ_ONLY_KEY, ["ecs", "describe-services", "--cluster", "production", "--services", "payments"]);
    expect(read.code).toBe(0);
    const result = await cli(READ_ONLY_KEY, ["ecs", "update-service", "--cluster", "production", "--service", "payments", "--force-new-deployment"]);
    expect([254, 255]).toContain(result.code);
    expect(result.stderr).toContain(
      denied("arn:aws:iam::123456789012:user/dashboard-ro", "UpdateService", "ecs:UpdateService", "arn:aws:ecs:ap-south-1:123456789012:service/production/payments"),
    );
  });

  it("refuses register-task-definition to the read-only key, and PassRole to the deployer", async () => {
    const containers = JSON.stringify([{ name: "app", image: "public.ecr.aws/nginx/nginx:1.29" }]);
    const ro = await cli(READ_ONLY_KEY, ["ecs", "register-task-definition", "--family", "payments", "--container-definitions", containers]);
    expect(ro.stderr).toContain(denied("arn:aws:iam::123456789012:user/dashboard-ro", "RegisterTaskDefinition", "ecs:RegisterTaskDefinition", "*"));
    const args = ["ecs", "register-task-definition", "--family", "payments", "--execution-role-arn", ROLE, "--container-definitions", containers];
    const deployer = await cli(DEPLOYER_KEY, args);
    expect(deployer.stderr).toContain(denied("arn:aws:sts::123456789012:assumed-role/deployer/gha", "RegisterTaskDefinition", "iam:PassRole", ROLE));
  });
});

describe("the archived payments image through the CLI", () => {
  it("is listed with --filter imageStatus=ARCHIVED, and a restore starts ACTIVATING", async () => {
    const listed = await cli(READ_ONLY_KEY, ["ecr", "describe-images", "--repository-name", "payments", "--filter", "imageStatus=ARCHIVED"]);
    expect(listed.code).toBe(0);
    const details = (JSON.parse(listed.stdout) as { imageDetails: Record<string, unknown>[] }).imageDetails;
    expect(details).toEqual([
      expect.objectContaining({
        imageDigest: PAYMENTS_ARCHIVED_DIGEST,
        imageTags: expect.arrayContaining([PAYMENTS_ARCHIVED_TAG]),
        imageStatus: "ARCHIVED",
        imageScanStatus: { status: "IMAGE_ARCHIVED", description: "The image is archived and is not scanned." },
      }),
    ]);
    const restore = await cli("AKIASANDBOXTEST00001", [
      "ecr", "update-image-storage-class", "--repository-name", "payments",
      "--image-id", `imageTag=${PAYMENTS_ARCHIVED_TAG}`, "--target-storage-class", "STANDARD",
    ]);
    expect(JSON.parse(restore.stdout)).toEqual({
      registryId: "123456789012",
      repositoryName: "payments",
      imageId: { imageDigest: PAYMENTS_ARCHIVED_DIGEST, imageTag: PAYMENTS_ARCHIVED_TAG },
      imageStatus: "ACTIVATING",
    });
  });
});
