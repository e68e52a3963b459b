// Task definitions through the SDK (aws-behaviour.md §2.2): numbering after deregistration, family and
// family:revision lookups, echoed defaults, list filters and sort, pagination, INACTIVE revisions.
import {
  DeleteTaskDefinitionsCommand,
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  paginateListTaskDefinitions,
} from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EcsFixture } from "./ecs-fixtures";

const TD = "arn:aws:ecs:ap-south-1:123456789012:task-definition";
const IMAGE = "public.ecr.aws/nginx/nginx:1.27";

describe("task definitions", () => {
  let fx: EcsFixture;
  beforeEach(async () => {
    fx = await EcsFixture.start();
  });
  afterEach(() => fx.close());

  const deregister = (taskDefinition: string) => fx.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition }));
  const describeTd = (taskDefinition: string) => fx.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ["TAGS"] }));

  it("echoes defaults and tags, and numbers revisions max+1 even after deregistration", async () => {
    const out = await fx.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: "web",
        networkMode: "awsvpc",
        containerDefinitions: [{ name: "app", image: IMAGE, portMappings: [{ containerPort: 80 }] }],
        tags: [{ key: "team", value: "core" }],
      }),
    );
    expect(out.taskDefinition).toMatchObject({
      taskDefinitionArn: `${TD}/web:1`,
      revision: 1,
      status: "ACTIVE",
      compatibilities: ["EC2", "FARGATE"],
      registeredBy: "arn:aws:iam::123456789012:root",
      containerDefinitions: [
        { name: "app", image: IMAGE, cpu: 0, essential: true, portMappings: [{ containerPort: 80, hostPort: 80, protocol: "tcp" }], environment: [], mountPoints: [], volumesFrom: [] },
      ],
    });
    expect(out.taskDefinition?.registeredAt).toBeInstanceOf(Date);
    expect(out.tags).toEqual([{ key: "team", value: "core" }]);

    await fx.register("web", IMAGE);
    await fx.register("web", IMAGE);
    const gone = await deregister("web:3");
    expect(gone.taskDefinition).toMatchObject({ status: "INACTIVE" });
    expect(gone.taskDefinition?.deregisteredAt).toBeInstanceOf(Date);
    expect(await fx.register("web", IMAGE)).toBe(`${TD}/web:4`);

    await deregister(`${TD}/web:4`);
    const latest = await describeTd("web");
    expect(latest.taskDefinition?.revision).toBe(2);
    expect((await describeTd("web:4")).taskDefinition?.status).toBe("INACTIVE");
    expect((await describeTd(`${TD}/web:1`)).tags).toEqual([{ key: "team", value: "core" }]);
  });

  it.each([
    { call: "DescribeTaskDefinition", ref: "ghost", message: "Unable to describe task definition." },
    { call: "DescribeTaskDefinition", ref: "web:9", message: "Unable to describe task definition." },
    { call: "DeregisterTaskDefinition", ref: "web", message: "Revision is missing." },
  ])("$call($ref) fails with ClientException", async ({ call, ref, message }) => {
    await fx.register("web", IMAGE);
    const run = call === "DeregisterTaskDefinition" ? deregister(ref) : describeTd(ref);
    await expect(run).rejects.toMatchObject({ name: "ClientException", message });
  });

  it("refuses a family whose every revision is INACTIVE, and UpdateService to an INACTIVE revision", async () => {
    const v1 = await fx.register("web", IMAGE);
    const v2 = await fx.register("web", IMAGE);
    await fx.createService("web", v1, 1);
    await deregister(v2);
    await expect(fx.update("web", { taskDefinition: v2 })).rejects.toMatchObject({ name: "ClientException", message: "TaskDefinition is inactive" });
    await deregister(v1);
    await expect(describeTd("web")).rejects.toMatchObject({ name: "ClientException" });
    // Existing tasks keep running and the service still scales on an INACTIVE revision.
    await fx.update("web", { desiredCount: 2 });
    await fx.advance(60);
    expect(await fx.describe("web")).toMatchObject({ runningCount: 2, taskDefinition: v1 });
  });

  it("keeps INACTIVE and DELETE_IN_PROGRESS revisions describable and the service on them running", async () => {
    const v1 = await fx.register("web", IMAGE);
    const v2 = await fx.register("web", IMAGE);
    await fx.createService("web", v1, 1);
    await fx.advance(60);
    await deregister(v1);
    expect((await describeTd("web:1")).taskDefinition).toMatchObject({ status: "INACTIVE", taskDefinitionArn: v1 });
    expect((await describeTd(v1)).taskDefinition?.deregisteredAt).toBeInstanceOf(Date);

    const deleted = await fx.ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: [v1, v2, "web"] }));
    expect(deleted.taskDefinitions?.map((td) => [td.taskDefinitionArn, td.status])).toEqual([[v1, "DELETE_IN_PROGRESS"]]);
    expect(deleted.taskDefinitions?.[0]?.deleteRequestedAt).toBeInstanceOf(Date);
    expect(deleted.failures).toEqual([
      { arn: v2, reason: "The task definition must be INACTIVE before it can be deleted. Deregister it first." },
      { arn: "web", reason: "Revision is missing." },
    ]);
    expect((await describeTd(v1)).taskDefinition?.status).toBe("DELETE_IN_PROGRESS");
    const listed = await fx.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "web", status: "DELETE_IN_PROGRESS" }));
    expect(listed.taskDefinitionArns).toEqual([v1]);
    await expect(fx.update("web", { taskDefinition: v1, forceNewDeployment: true })).rejects.toMatchObject({ name: "ClientException", message: "TaskDefinition is inactive" });
    await fx.advance(60);
    expect(await fx.describe("web")).toMatchObject({ runningCount: 1, taskDefinition: v1 });
    await expect(fx.ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: [] }))).rejects.toMatchObject({ name: "InvalidParameterException" });
  });

  it("lists revisions by exact family, status and sort, across pages", async () => {
    for (const family of ["api", "web", "web-canary"]) for (let i = 0; i < 3; i++) await fx.register(family, IMAGE);
    await deregister("api:1");
    const list = async (input: object) => (await fx.ecs.send(new ListTaskDefinitionsCommand(input))).taskDefinitionArns;

    expect(await list({ familyPrefix: "web" })).toEqual([1, 2, 3].map((r) => `${TD}/web:${r}`));
    expect(await list({ familyPrefix: "api", sort: "DESC" })).toEqual([`${TD}/api:3`, `${TD}/api:2`]);
    expect(await list({ status: "INACTIVE" })).toEqual([`${TD}/api:1`]);

    const arns: string[] = [];
    const sizes: number[] = [];
    for await (const page of paginateListTaskDefinitions({ client: fx.ecs, pageSize: 3 }, { sort: "DESC" })) {
      sizes.push(page.taskDefinitionArns?.length ?? 0);
      arns.push(...(page.taskDefinitionArns ?? []));
    }
    expect(sizes).toEqual([3, 3, 2]);
    expect(arns[0]).toBe(`${TD}/web-canary:3`);
    expect(arns.at(-1)).toBe(`${TD}/api:2`);
  });

  it.each([
    { input: {}, families: ["api", "web", "web-canary"] },
    { input: { familyPrefix: "web" }, families: ["web", "web-canary"] },
    { input: { status: "ACTIVE" }, families: ["web", "web-canary"] },
    { input: { status: "INACTIVE" }, families: ["api"] },
  ] as const)("lists families $input", async ({ input, families }) => {
    for (const family of ["api", "web", "web-canary"]) await fx.register(family, IMAGE);
    await deregister("api:1");
    expect((await fx.ecs.send(new ListTaskDefinitionFamiliesCommand(input))).families).toEqual(families);
  });

  it("rejects an out-of-range maxResults and a foreign nextToken", async () => {
    await fx.register("web", IMAGE);
    await expect(fx.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 101 }))).rejects.toMatchObject({ name: "InvalidParameterException" });
    await fx.register("web", IMAGE);
    const page = await fx.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 1 }));
    await expect(fx.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 1, nextToken: page.nextToken, sort: "DESC" }))).rejects.toMatchObject({
      name: "InvalidParameterException",
    });
  });
});
