// The whole task definition through the real SDK: every RegisterTaskDefinition member survives a read
// and a re-registration, tags travel with the registration, and fresh family reads include INACTIVE.
import { DeregisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { awsRuntime, describeActiveRevisions, describeFullTaskDefinition, envScope, readFamilyRevisions, registerTaskDefinition } from "@/lib/aws";
import { canonicalJson } from "@/lib/domain/json-equal";
import type { TaskDefinitionSpec } from "@/lib/domain/task-definition";
import { callsOf, demoConfig, sandboxEnvironment, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "empty" });
const scope = () => envScope(awsRuntime(demoConfig({ environments: [sandboxEnvironment()] })), sandboxEnvironment());

const REPO = "123456789012.dkr.ecr.ap-south-1.amazonaws.com";

// Every member a clone must carry, including the rarely used ones a subset mapping would lose.
function fullSpec(family: string): TaskDefinitionSpec {
  return {
    family,
    taskRoleArn: "arn:aws:iam::123456789012:role/app-task",
    executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "512",
    memory: "1024",
    pidMode: "task",
    ipcMode: "none",
    runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" },
    ephemeralStorage: { sizeInGiB: 30 },
    enableFaultInjection: true,
    volumes: [{ name: "scratch", efsVolumeConfiguration: { fileSystemId: "fs-12345678", transitEncryption: "ENABLED" } }],
    placementConstraints: [{ type: "memberOf", expression: "attribute:ecs.availability-zone in [ap-south-1a]" }],
    proxyConfiguration: { type: "APPMESH", containerName: "envoy", properties: [{ name: "AppPorts", value: "8080" }] },
    inferenceAccelerators: [{ deviceName: "eia", deviceType: "eia2.medium" }],
    containerDefinitions: [
      {
        name: "app",
        image: `${REPO}/my-api:prod-0123456`,
        essential: true,
        cpu: 256,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: "tcp", name: "http" }],
        environment: [{ name: "LOG_LEVEL", value: "info" }],
        secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:ap-south-1:123456789012:secret:db" }],
        healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/health"], interval: 10, retries: 3 },
        ulimits: [{ name: "nofile", softLimit: 65536, hardLimit: 65536 }],
        linuxParameters: { initProcessEnabled: true },
        mountPoints: [{ sourceVolume: "scratch", containerPath: "/scratch" }],
        dependsOn: [{ containerName: "envoy", condition: "HEALTHY" }],
        dockerLabels: { team: "payments" },
      },
      { name: "envoy", image: "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29", essential: true, user: "1337" },
    ],
  };
}

describe("registerTaskDefinition and the full mapping", () => {
  it("registers every member with its tags, and a described revision registers back unchanged", async () => {
    const first = await registerTaskDefinition(scope(), fullSpec("roundtrip"), [{ key: "team", value: "payments" }]);
    expect(first).toMatchObject({ family: "roundtrip", revision: 1, status: "ACTIVE", tags: [{ key: "team", value: "payments" }] });
    expect(first.compatibilities.length).toBeGreaterThan(0);
    expect(first.requiresAttributes.length).toBeGreaterThan(0);

    const read = await describeFullTaskDefinition(scope(), first.arn);
    expect(read.tags).toEqual([{ key: "team", value: "payments" }]);
    // Everything sent comes back (AWS adds echoed defaults such as hostPort or systemControls: []).
    expect(read.spec).toMatchObject(fullSpec("roundtrip"));

    const clone = await registerTaskDefinition(scope(), read.spec, read.tags);
    expect(clone.revision).toBe(2);
    expect(canonicalJson(clone.spec)).toBe(canonicalJson(read.spec));
  });

  it("reads fresh every time: a second describe calls AWS again", async () => {
    const td = await registerTaskDefinition(scope(), fullSpec("fresh"), []);
    await describeFullTaskDefinition(scope(), td.arn);
    await describeFullTaskDefinition(scope(), td.arn);
    expect(callsOf(await sandbox.control.counters(), "DescribeTaskDefinition")).toBe(2);
  });

  it("lists ACTIVE and INACTIVE revisions newest first, and describes only the newest ACTIVE ones", async () => {
    for (let i = 0; i < 3; i++) await registerTaskDefinition(scope(), fullSpec("history"), []);
    await sandbox.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "history:2" }));
    const listed = await readFamilyRevisions(scope(), "history");
    expect(listed.map((r) => [r.arn.split("/")[1], r.status])).toEqual([
      ["history:3", "ACTIVE"],
      ["history:2", "INACTIVE"],
      ["history:1", "ACTIVE"],
    ]);
    const inactive = await describeFullTaskDefinition(scope(), "history:2");
    expect(inactive.status).toBe("INACTIVE");
    expect(inactive.deregisteredAt).toBeInstanceOf(Date);
    const active = await describeActiveRevisions(scope(), "history", 1);
    expect(active.map((td) => td.revision)).toEqual([3]);
  });

  it("passes AWS's refusal through and registers nothing", async () => {
    const bad = { ...fullSpec("refused"), containerDefinitions: [] };
    await expect(registerTaskDefinition(scope(), bad, [])).rejects.toMatchObject({ name: "AwsRejectedError", awsCode: "ClientException" });
    expect(await readFamilyRevisions(scope(), "refused")).toEqual([]);
  });
});
