// An environment with `roleArn` is read with credentials from STS AssumeRole, not with the default
// chain's. STS is a stand-in on loopback (reached through the standard AWS_ENDPOINT_URL_STS); the
// sandbox keeps state per account, keyed by a 12-digit access key, so seeing the other account's
// cluster proves the assumed credentials were used for the ECS calls.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CreateClusterCommand, ECSClient } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetAwsCaches } from "@/lib/aws";
import { getOverview } from "@/lib/queries/overview";
import type { TestSandbox } from "../support/sandbox";
import { demoConfig, sandboxEnvironment, startSandboxForApp } from "./support";

const OTHER_ACCOUNT = "210987654321";
const ROLE_ARN = `arn:aws:iam::${OTHER_ACCOUNT}:role/steadystate-read`;

let sandbox: TestSandbox;
let sts: Server;
const assumeRoleRequests: URLSearchParams[] = [];

function assumeRoleResponse(): string {
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>${OTHER_ACCOUNT}</AccessKeyId><SecretAccessKey>assumed</SecretAccessKey>
<SessionToken>session</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/steadystate-read/steady-state</Arn>
<AssumedRoleId>AROAEXAMPLE:steady-state</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>
<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`;
}

beforeAll(async () => {
  sandbox = await startSandboxForApp({ scenario: "demo" });
  sts = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      assumeRoleRequests.push(new URLSearchParams(body));
      res.writeHead(200, { "Content-Type": "text/xml" }).end(assumeRoleResponse());
    });
  });
  await new Promise<void>((resolve) => sts.listen(0, "127.0.0.1", resolve));
  process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${(sts.address() as AddressInfo).port}`;
  const otherAccount = new ECSClient({
    endpoint: sandbox.endpoint,
    region: "ap-south-1",
    credentials: { accessKeyId: OTHER_ACCOUNT, secretAccessKey: "x" },
  });
  await otherAccount.send(new CreateClusterCommand({ clusterName: "other-account-cluster" }));
  otherAccount.destroy();
});

afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_STS;
  resetAwsCaches();
  await sandbox.close();
  await new Promise((resolve) => sts.close(resolve));
});

describe("environments with roleArn", () => {
  it("reads the other account through credentials from sts:AssumeRole", async () => {
    resetAwsCaches();
    const config = demoConfig({
      environments: [sandboxEnvironment({ id: "other", name: "Other account", accountId: OTHER_ACCOUNT, roleArn: ROLE_ARN })],
    });
    const overview = await getOverview({ config });
    const clusters = overview.environments[0]?.clusters.map((c) => c.name);
    expect(clusters).toEqual(["other-account-cluster"]);
    expect(assumeRoleRequests.at(-1)?.get("Action")).toBe("AssumeRole");
    expect(assumeRoleRequests.at(-1)?.get("RoleArn")).toBe(ROLE_ARN);
  });

  it("reads with the default chain when no role is set", async () => {
    resetAwsCaches();
    const overview = await getOverview({ config: demoConfig() });
    expect(overview.environments[0]?.clusters.map((c) => c.name)).toEqual(expect.arrayContaining(["production", "staging"]));
  });
});
