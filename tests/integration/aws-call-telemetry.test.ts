// The SDK middleware every ECS and ECR client carries (lib/aws/clients.ts): each call, retries included,
// is counted by service, operation and error code and timed, against a stub endpoint answering the AWS
// JSON 1.1 envelope as the real SDK reads it (success, AWS's own error, nothing listening).
import { ListClustersCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createEnvClients } from "@/lib/aws/clients";
import { loadConfig } from "@/lib/config";
import { metrics } from "@/lib/observability/metrics";
import { freePort } from "../../scripts/lib/ports";
import { startAwsJsonStub, type AwsJsonStub } from "../support/aws-json-stub";
import { TEST_CREDENTIALS, TEST_REGION } from "../support/sandbox";

let stub: AwsJsonStub;

beforeAll(async () => {
  stub = await startAwsJsonStub();
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
});
afterAll(() => stub.close());

async function listClustersAt(endpoint: string): Promise<void> {
  process.env.AWS_ENDPOINT_URL_ECS = endpoint;
  const config = loadConfig({ env: { AWS_REGION: TEST_REGION } });
  const clients = createEnvClients(config.environments[0]!, config, (_kind, send) => send());
  try {
    await clients.ecs.send(new ListClustersCommand({})).catch(() => undefined);
  } finally {
    clients.ecs.destroy();
    clients.ecr.destroy();
  }
}

async function calls(errorCode: string): Promise<number> {
  const { values } = await metrics().awsCalls.get();
  return values.find((v) => v.labels.service === "ecs" && v.labels.operation === "ListClusters" && v.labels.error_code === errorCode)?.value ?? 0;
}

it("counts a call that worked, one AWS refused and one that reached nobody, each by its code, and times them", async () => {
  stub.answer(200, { clusterArns: [] });
  await listClustersAt(stub.url);
  stub.answer(400, { __type: "AccessDeniedException", message: "not authorized to perform: ecs:ListClusters" });
  await listClustersAt(stub.url);
  await listClustersAt(`http://127.0.0.1:${await freePort()}`);

  expect(await calls("none")).toBe(1);
  expect(await calls("AccessDeniedException")).toBe(1);
  expect(await calls("ECONNREFUSED")).toBe(1);
  const { values } = await metrics().awsCallDuration.get();
  expect(values.find((v) => v.metricName === "steadystate_aws_call_duration_seconds_count" && v.labels.operation === "ListClusters")?.value).toBe(3);
});
