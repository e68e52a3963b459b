// State is kept per account and Region (from the SigV4 credential scope), and bad requests change nothing.
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { CreateClusterCommand, ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, TEST_CREDENTIALS, type TestSandbox } from "../support/sandbox";
import { authorizationFor, ECS_TARGET, rawAwsCall } from "../support/raw-aws";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

function ecsFor(accessKeyId: string, region: string) {
  return new ECSClient({ endpoint: sandbox.endpoint, region, credentials: { accessKeyId, secretAccessKey: "x" } });
}

describe("per account and region", () => {
  it("keeps clusters apart by region and by account (a 12-digit access key id is the account)", async () => {
    const home = sandbox.ecs;
    const otherRegion = ecsFor(TEST_CREDENTIALS.accessKeyId, "eu-west-1");
    const otherAccount = ecsFor("111122223333", "ap-south-1");
    await home.send(new CreateClusterCommand({ clusterName: "home" }));
    await otherRegion.send(new CreateClusterCommand({ clusterName: "ireland" }));
    await otherAccount.send(new CreateClusterCommand({ clusterName: "elsewhere" }));

    expect((await home.send(new ListClustersCommand({}))).clusterArns).toEqual([
      "arn:aws:ecs:ap-south-1:123456789012:cluster/home",
    ]);
    expect((await otherRegion.send(new ListClustersCommand({}))).clusterArns).toEqual([
      "arn:aws:ecs:eu-west-1:123456789012:cluster/ireland",
    ]);
    expect((await otherAccount.send(new ListClustersCommand({}))).clusterArns).toEqual([
      "arn:aws:ecs:ap-south-1:111122223333:cluster/elsewhere",
    ]);
    otherRegion.destroy();
    otherAccount.destroy();
  });

  it("lets the control API target another account and region by query", async () => {
    const ecr = new ECRClient({ endpoint: sandbox.endpoint, region: "us-east-1", credentials: { accessKeyId: "444455556666", secretAccessKey: "x" } });
    await ecr.send(new CreateRepositoryCommand({ repositoryName: "faraway" }));
    const scoped = sandbox.control.forScope({ account: "444455556666", region: "us-east-1" });
    const pushed = await scoped.push({ repository: "faraway" });
    const described = await ecr.send(new DescribeRepositoriesCommand({}));
    expect(described.repositories?.map((repository) => repository.repositoryName)).toEqual(["faraway"]);
    await expect(sandbox.control.push({ repository: "faraway" })).rejects.toMatchObject({ status: 400 });
    expect(pushed.digest).toMatch(/^sha256:/);
    ecr.destroy();
  });
});

describe("malformed requests", () => {
  it("leave the server up and the state unchanged", async () => {
    const before = await sandbox.control.state();
    const auth = authorizationFor("123456789012", "ap-south-1");
    const garbage = [
      { target: `${ECS_TARGET}.CreateCluster`, body: "{", authorization: auth },
      { target: `${ECS_TARGET}.CreateCluster`, body: "[]", authorization: auth },
      { target: `${ECS_TARGET}.CreateCluster`, body: '{"clusterName": 42}', authorization: auth },
      { target: `${ECS_TARGET}.CreateService`, body: '{"cluster": {"a": 1}, "serviceName": []}', authorization: auth },
      { target: `${ECS_TARGET}.UpdateService`, body: '{"service": null}', authorization: auth },
      { target: `${ECS_TARGET}.RegisterTaskDefinition`, body: '{"family": "x", "containerDefinitions": "nope"}', authorization: auth },
      { target: `${ECS_TARGET}.DescribeServices`, body: '{"services": "web"}', authorization: auth },
      { target: `${ECS_TARGET}.CreateCluster`, body: "{}", contentType: "text/plain", authorization: auth },
    ];
    for (const request of garbage) {
      const response = await rawAwsCall(sandbox.endpoint, request);
      expect(response.status, `${request.target} ${request.body}`).toBe(400);
      expect(typeof response.body.__type).toBe("string");
    }
    expect(await sandbox.control.state()).toEqual(before);
    await expect(sandbox.ecs.send(new ListClustersCommand({}))).resolves.toHaveProperty("clusterArns");
  });
});
