// The AWS JSON 1.1 envelope: routing, error shapes, headers and timestamps, seen from raw HTTP and the SDK.
import { CreateRepositoryCommand, DescribeRepositoriesCommand } from "@aws-sdk/client-ecr";
import { ListClustersCommand } from "@aws-sdk/client-ecs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AwsError } from "../../sandbox/core/aws-error";
import { createRuntime } from "../../sandbox/runtime";
import { handleAwsRequest } from "../../sandbox/wire/handle-aws-request";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { ECR_TARGET, ECS_TARGET, rawAwsCall } from "../support/raw-aws";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe("error envelope", () => {
  it.each([
    ["malformed JSON", { target: `${ECS_TARGET}.ListClusters`, body: "{not json" }, 400, "SerializationException"],
    ["a JSON array body", { target: `${ECS_TARGET}.ListClusters`, body: "[1,2]" }, 400, "SerializationException"],
    ["a JSON string body", { target: `${ECS_TARGET}.ListClusters`, body: '"hello"' }, 400, "SerializationException"],
    ["a JSON null body", { target: `${ECS_TARGET}.ListClusters`, body: "null" }, 400, "SerializationException"],
    ["the wrong content type", { target: `${ECS_TARGET}.ListClusters`, contentType: "application/json" }, 400, "UnknownOperationException"],
    ["no content type", { target: `${ECS_TARGET}.ListClusters`, contentType: null }, 400, "UnknownOperationException"],
    ["an unknown ECS operation", { target: `${ECS_TARGET}.LaunchRocket` }, 400, "UnknownOperationException"],
    ["an ECR operation under the ECS prefix", { target: `${ECS_TARGET}.DescribeImages` }, 400, "UnknownOperationException"],
    ["a prototype member as operation", { target: `${ECS_TARGET}.constructor` }, 400, "UnknownOperationException"],
    ["another service's target", { target: "DynamoDB_20120810.ListTables" }, 400, "UnknownOperationException"],
    ["no X-Amz-Target", {}, 400, "UnknownOperationException"],
  ])("%s → %i %s", async (_case, request, status, code) => {
    const response = await rawAwsCall(sandbox.endpoint, request);
    expect(response.status).toBe(status);
    expect(response.body.__type).toBe(code);
    expect(typeof response.body.message).toBe("string");
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
  });

  it("accepts a charset parameter on the content type and an empty body as {}", async () => {
    const response = await rawAwsCall(sandbox.endpoint, {
      target: `${ECS_TARGET}.ListClusters`,
      contentType: "application/x-amz-json-1.1; charset=utf-8",
      body: "",
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ clusterArns: [] });
  });

  it("answers other paths and methods with a JSON 404", async () => {
    const response = await fetch(`${sandbox.endpoint}/anything`);
    expect(response.status).toBe(404);
    expect(await response.json()).toHaveProperty("error");
  });
});

describe("successful responses", () => {
  it("carry the AWS content type and a fresh request id the SDK exposes", async () => {
    const first = await sandbox.ecs.send(new ListClustersCommand({}));
    const second = await sandbox.ecs.send(new ListClustersCommand({}));
    expect(first.$metadata.requestId).toMatch(UUID);
    expect(second.$metadata.requestId).not.toBe(first.$metadata.requestId);
  });

  it("serialise timestamps as epoch-second numbers, which the SDK turns into Dates", async () => {
    await sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: "timestamps" }));
    const raw = await rawAwsCall(sandbox.endpoint, {
      target: `${ECR_TARGET}.DescribeRepositories`,
      body: JSON.stringify({ repositoryNames: ["timestamps"] }),
    });
    const [repository] = raw.body.repositories as Array<{ createdAt: unknown }>;
    expect(typeof repository?.createdAt).toBe("number");
    expect(Math.abs((repository?.createdAt as number) * 1000 - (await sandbox.control.now()))).toBeLessThan(1000);
    const described = await sandbox.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ["timestamps"] }));
    expect(described.repositories?.[0]?.createdAt).toBeInstanceOf(Date);
  });
});

describe("an operation that throws something other than an AwsError", () => {
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    const runtime = createRuntime({ frozen: true }, "empty");
    const tables = {
      ecs: {
        Boom: () => {
          throw new TypeError("cannot read properties of undefined");
        },
        Refuse: () => {
          throw new AwsError("ClusterNotFoundException", "Cluster not found.");
        },
      },
      ecr: {},
    };
    server = createServer((req, res) => void handleAwsRequest(req, res, runtime, tables));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("becomes a logged 500 ServerException and the server keeps answering", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const boom = await rawAwsCall(endpoint, { target: `${ECS_TARGET}.Boom` });
    expect(boom.status).toBe(500);
    expect(boom.body.__type).toBe("ServerException");
    expect(boom.body.message).not.toContain("cannot read properties");
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();

    const refused = await rawAwsCall(endpoint, { target: `${ECS_TARGET}.Refuse` });
    expect(refused).toMatchObject({ status: 400, body: { __type: "ClusterNotFoundException", message: "Cluster not found." } });
  });
});
