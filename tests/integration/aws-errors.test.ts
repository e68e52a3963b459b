// toUserFacingError and toTypedAwsError on errors as the real SDK produces them, from a stub endpoint answering the AWS
// JSON 1.1 error envelope (the sandbox cannot deny access, so this is the one place that can).
import { ListClustersCommand, ECSClient } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toTypedAwsError, toUserFacingError } from "@/lib/aws";
import { AwsAccessDeniedError, AwsRejectedError, AwsUnavailableError } from "@/lib/errors";
import { startAwsJsonStub, type AwsJsonStub } from "../support/aws-json-stub";
import { TEST_CREDENTIALS, TEST_REGION } from "../support/sandbox";

let stub: AwsJsonStub;

beforeAll(async () => {
  stub = await startAwsJsonStub();
});
afterAll(() => stub.close());

async function sdkError(status: number, body: object, url = stub.url): Promise<unknown> {
  stub.answer(status, body);
  const client = new ECSClient({ endpoint: url, region: TEST_REGION, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  try {
    return await client.send(new ListClustersCommand({})).then(() => undefined, (e: unknown) => e);
  } finally {
    client.destroy();
  }
}

describe("toUserFacingError", () => {
  it.each([
    [
      400,
      { __type: "AccessDeniedException", message: "User: arn:aws:iam::123456789012:user/dash is not authorized to perform: ecs:ListClusters on resource: *" },
      { kind: "access-denied", message: "Access denied: the dashboard's role may not call ecs:ListClusters", action: "Grant ecs:ListClusters to the dashboard's IAM role" },
    ],
    [400, { __type: "ThrottlingException", message: "Rate exceeded" }, { kind: "throttled", message: "AWS throttled us; retrying…" }],
    [400, { __type: "ClusterNotFoundException", message: "Cluster not found." }, { kind: "not-found", message: "Cluster not found." }],
    [500, { __type: "ServerException", message: "boom" }, { kind: "unknown", message: "ECS error ServerException: boom" }],
  ])("maps HTTP %i %j", async (status, body, expected) => {
    expect(toUserFacingError(await sdkError(status, body), "ecs", TEST_REGION)).toMatchObject(expected);
  });

  it("names the endpoint it cannot reach", async () => {
    process.env.AWS_ENDPOINT_URL_ECS = "http://127.0.0.1:1";
    const error = await sdkError(200, {}, "http://127.0.0.1:1");
    expect(toUserFacingError(error, "ecs", TEST_REGION)).toMatchObject({ kind: "unreachable", message: "Cannot reach ECS at http://127.0.0.1:1" });
  });
});

const DENIED_RESOURCE = "arn:aws:ecs:ap-south-1:123456789012:service/production/web";

describe("toTypedAwsError", () => {
  it.each([
    [
      400,
      { __type: "AccessDeniedException", message: `User: arn:aws:sts::123456789012:assumed-role/dash/s is not authorized to perform: ecs:UpdateService on resource: ${DENIED_RESOURCE} because no identity-based policy allows the ecs:UpdateService action` },
      AwsAccessDeniedError,
      { iamAction: "ecs:UpdateService", resource: DENIED_RESOURCE, message: `Access denied: the dashboard's role may not call ecs:UpdateService on ${DENIED_RESOURCE}` },
    ],
    [
      400,
      { __type: "AccessDeniedException", message: "User: arn:aws:iam::123456789012:user/dash is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/app-task" },
      AwsAccessDeniedError,
      { iamAction: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/app-task" },
    ],
    [400, { __type: "ThrottlingException", message: "Rate exceeded" }, AwsUnavailableError, { userFacing: { kind: "throttled" }, retryAfterMs: 1_000 }],
    [
      400,
      { __type: "InvalidParameterException", message: "TaskDefinition not found." },
      AwsRejectedError,
      { operation: "UpdateService", awsCode: "InvalidParameterException", awsMessage: "TaskDefinition not found." },
    ],
    [500, { __type: "ServerException", message: "boom" }, AwsUnavailableError, { userFacing: { kind: "unknown" }, retryAfterMs: undefined }],
  ])("maps HTTP %i %j", async (status, body, type, expected) => {
    const error = toTypedAwsError(await sdkError(status, body), "UpdateService", "ecs", TEST_REGION);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject(expected);
  });
});
