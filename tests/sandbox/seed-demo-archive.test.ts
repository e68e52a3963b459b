// The demo's archived image: an older prod- image of production payments, archived three days before
// the end. It is hidden from the default DescribeImages listing, and a rollback of production payments
// to the revision that ran it fails to pull and is rolled back by the circuit breaker.
import { DescribeImagesCommand } from "@aws-sdk/client-ecr";
import { DescribeTaskDefinitionCommand, ListServiceDeploymentsCommand, ListTaskDefinitionsCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYMENTS_ARCHIVED_DAYS_BEFORE_END, PAYMENTS_ARCHIVED_DIGEST, PAYMENTS_ARCHIVED_TAG, PAYMENTS_CRITICAL_TAG } from "../../sandbox/seed/demo-facts";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const DAY = 86_400_000;
let sandbox: TestSandbox;
let end: number;
beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: "demo" });
  end = await sandbox.control.now();
});
afterAll(() => sandbox.close());

const payments = (filter?: { imageStatus: "ARCHIVED" | "ANY" }) =>
  sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: "payments", filter, maxResults: 1000 }));

describe("the archived payments image", () => {
  it("is the exported tag and digest, ARCHIVED since three days before the end", async () => {
    const archived = (await payments({ imageStatus: "ARCHIVED" })).imageDetails ?? [];
    expect(archived).toHaveLength(1);
    expect(archived[0]).toMatchObject({ imageDigest: PAYMENTS_ARCHIVED_DIGEST, imageStatus: "ARCHIVED" });
    expect(archived[0]?.imageTags).toContain(PAYMENTS_ARCHIVED_TAG);
    const archivedAt = archived[0]?.lastArchivedAt?.getTime() ?? 0;
    expect(end - archivedAt).toBeGreaterThan((PAYMENTS_ARCHIVED_DAYS_BEFORE_END - 1) * DAY);
    expect(end - archivedAt).toBeLessThanOrEqual(PAYMENTS_ARCHIVED_DAYS_BEFORE_END * DAY);
  });

  it("is older than the image production runs and missing from the default listing", async () => {
    const active = (await payments()).imageDetails ?? [];
    expect(active.map((image) => image.imageDigest)).not.toContain(PAYMENTS_ARCHIVED_DIGEST);
    const all = (await payments({ imageStatus: "ANY" })).imageDetails ?? [];
    const pushedAt = (tag: string) => all.find((image) => image.imageTags?.includes(tag))?.imagePushedAt?.getTime() ?? Infinity;
    expect(pushedAt(PAYMENTS_ARCHIVED_TAG)).toBeLessThan(pushedAt(PAYMENTS_CRITICAL_TAG));
  });

  it("makes a rollback of production payments to it fail and roll back", async () => {
    const arns = (await sandbox.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "payments", sort: "DESC" }))).taskDefinitionArns ?? [];
    let target: string | undefined;
    for (const arn of arns) {
      const { taskDefinition } = await sandbox.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }));
      if (taskDefinition?.containerDefinitions?.[0]?.image?.endsWith(`:${PAYMENTS_ARCHIVED_TAG}`)) target = arn;
      if (target) break;
    }
    expect(target).toBeDefined();
    await sandbox.ecs.send(new UpdateServiceCommand({ cluster: "production", service: "payments", taskDefinition: target }));
    await sandbox.control.advance(5 * 60_000);
    const deployments = await sandbox.ecs.send(new ListServiceDeploymentsCommand({ cluster: "production", service: "payments" }));
    expect(deployments.serviceDeployments?.[0]?.status).toBe("ROLLBACK_SUCCESSFUL");
  });
});
