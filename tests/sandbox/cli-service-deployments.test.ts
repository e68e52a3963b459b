// The AWS CLI v1 (botocore) on service deployments: list-service-deployments, describe-service-deployments
// and stop-service-deployment through a stop-and-roll-back, on a frozen sandbox set up with the SDK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "../support/aws-cli";
import { CLUSTER, EcsFixture, stableService } from "./ecs-fixtures";

interface Brief {
  serviceDeploymentArn: string;
  status: string;
}

let fx: EcsFixture;
beforeAll(async () => {
  fx = await EcsFixture.start();
});
afterAll(() => fx.close());

async function cli(args: string[]): Promise<Record<string, unknown>> {
  const result = await awsCli(fx.sandbox.endpoint, ["ecs", ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const listed = async (...filters: string[]) =>
  (await cli(["list-service-deployments", "--cluster", CLUSTER, "--service", "web", ...filters])).serviceDeployments as Brief[];

describe("AWS CLI service deployments", () => {
  it("stops an in-progress deployment and follows its rollback to ROLLBACK_SUCCESSFUL", async () => {
    const { v2 } = await stableService(fx, "web", 2);
    await fx.update("web", { taskDefinition: v2 });
    await fx.advance(10);
    const [newest, first] = await listed();
    expect([newest?.status, first?.status]).toEqual(["IN_PROGRESS", "SUCCESSFUL"]);
    const arn = newest?.serviceDeploymentArn ?? "";

    expect(await cli(["stop-service-deployment", "--service-deployment-arn", arn, "--stop-type", "ROLLBACK"])).toEqual({ serviceDeploymentArn: arn });
    expect((await listed("--status", "ROLLBACK_REQUESTED")).map((d) => d.serviceDeploymentArn)).toEqual([arn]);
    await fx.advance(60);

    const described = await cli(["describe-service-deployments", "--service-deployment-arns", arn, `${arn}x`]);
    expect(described.failures).toEqual([{ arn: `${arn}x`, reason: "MISSING" }]);
    expect((described.serviceDeployments as Record<string, unknown>[])[0]).toMatchObject({
      status: "ROLLBACK_SUCCESSFUL",
      statusReason: "Rollback requested by StopServiceDeployment.",
      rollback: { serviceRevisionArn: expect.stringContaining(":service-revision/production/web/") },
    });
    expect((await listed("--status", "ROLLBACK_SUCCESSFUL", "SUCCESSFUL")).map((d) => d.status)).toEqual(["ROLLBACK_SUCCESSFUL", "SUCCESSFUL"]);

    const again = await awsCli(fx.sandbox.endpoint, ["ecs", "stop-service-deployment", "--service-deployment-arn", arn]);
    expect([254, 255]).toContain(again.code);
    expect(again.stderr).toContain(
      "An error occurred (ConflictException) when calling the StopServiceDeployment operation: The service deployment is ROLLBACK_SUCCESSFUL and can no longer be stopped.",
    );
  });
});
