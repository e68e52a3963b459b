// Clusters and services through the SDK: pagination with the SDK paginator, the 10-service limit of
// DescribeServices, MISSING failures with long ARNs, tags and UpdateService errors (§1.5, §2.1, §2.3).
import {
  DescribeClustersCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  ListClustersCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
  paginateListServices,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLUSTER, EcsFixture } from "./ecs-fixtures";

const ARN = "arn:aws:ecs:ap-south-1:123456789012";
const names = Array.from({ length: 23 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);

describe("clusters and services", () => {
  let fx: EcsFixture;
  beforeAll(async () => {
    fx = await EcsFixture.start();
    const td = await fx.register("app", "public.ecr.aws/nginx/nginx:1.27");
    for (const name of names) await fx.createService(name, td, 1);
  });
  afterAll(() => fx.close());

  it("pages ListServices 10 at a time by default, and by maxResults with the SDK paginator", async () => {
    const pages: number[] = [];
    const arns: string[] = [];
    for await (const page of paginateListServices({ client: fx.ecs }, { cluster: CLUSTER })) {
      pages.push(page.serviceArns?.length ?? 0);
      arns.push(...(page.serviceArns ?? []));
    }
    expect(pages).toEqual([10, 10, 3]);
    expect(arns).toEqual(names.map((n) => `${ARN}:service/${CLUSTER}/${n}`));
    const sized: number[] = [];
    for await (const page of paginateListServices({ client: fx.ecs, pageSize: 7 }, { cluster: CLUSTER })) sized.push(page.serviceArns?.length ?? 0);
    expect(sized).toEqual([7, 7, 7, 2]);
  });

  it.each([
    { services: names.slice(0, 11), message: "service names can have at most 10 items." },
    { services: [], message: "Services cannot be empty." },
  ])("rejects DescribeServices with $services.length services", async ({ services, message }) => {
    await expect(fx.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services }))).rejects.toMatchObject({
      name: "InvalidParameterException",
      message,
    });
  });

  it("describes up to 10 services, with MISSING failures carrying the long ARN", async () => {
    const out = await fx.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [...names.slice(0, 9), "ghost"] }));
    expect(out.services?.map((s) => s.serviceName)).toEqual(names.slice(0, 9));
    expect(out.failures).toEqual([{ arn: `${ARN}:service/${CLUSTER}/ghost`, reason: "MISSING" }]);
    expect(out.services?.[0]).toMatchObject({
      status: "ACTIVE",
      clusterArn: `${ARN}:cluster/${CLUSTER}`,
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } },
      deploymentController: { type: "ECS" },
      schedulingStrategy: "REPLICA",
    });
    expect(out.services?.[0]?.tags).toBeUndefined();
  });

  it("tags services (lower-case key/value) and returns them with include TAGS", async () => {
    const resourceArn = `${ARN}:service/${CLUSTER}/${names[0]}`;
    await fx.ecs.send(new TagResourceCommand({ resourceArn, tags: [{ key: "team", value: "core" }, { key: "tier", value: "1" }] }));
    await fx.ecs.send(new UntagResourceCommand({ resourceArn, tagKeys: ["tier"] }));
    expect((await fx.ecs.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual([{ key: "team", value: "core" }]);
    const out = await fx.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [resourceArn], include: ["TAGS"] }));
    expect(out.services?.[0]?.tags).toEqual([{ key: "team", value: "core" }]);
  });

  it("lists clusters and reports unknown ones as MISSING", async () => {
    expect((await fx.ecs.send(new ListClustersCommand({}))).clusterArns).toEqual([`${ARN}:cluster/${CLUSTER}`]);
    const out = await fx.ecs.send(new DescribeClustersCommand({ clusters: [CLUSTER, "staging"] }));
    expect(out.clusters).toMatchObject([{ clusterName: CLUSTER, status: "ACTIVE", activeServicesCount: names.length }]);
    expect(out.failures).toEqual([{ arn: `${ARN}:cluster/staging`, reason: "MISSING" }]);
  });

  it.each([
    { input: { cluster: "staging", service: "svc-00" }, name: "ClusterNotFoundException", message: "Cluster not found." },
    { input: { cluster: CLUSTER, service: "ghost" }, name: "ServiceNotFoundException", message: "Service not found." },
    { input: { cluster: CLUSTER, service: "svc-00", taskDefinition: "nope:1" }, name: "InvalidParameterException", message: "TaskDefinition not found." },
    { input: { cluster: CLUSTER, service: "svc-00", desiredCount: -1 }, name: "InvalidParameterException" },
  ])("UpdateService fails with $name", async ({ input, name, message }) => {
    const error = await fx.ecs.send(new UpdateServiceCommand(input)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name, ...(message ? { message } : {}) });
  });

  it("drains a deleted service to INACTIVE and refuses to update it", async () => {
    await fx.createService("doomed", await fx.register("doomed", "public.ecr.aws/nginx/nginx:1.27"), 2);
    await fx.advance(60);
    await expect(fx.ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: "doomed" }))).rejects.toMatchObject({
      name: "InvalidParameterException",
    });
    const deleted = await fx.ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: "doomed", force: true }));
    expect(deleted.service).toMatchObject({ status: "DRAINING", desiredCount: 0 });
    await expect(fx.update("doomed", { desiredCount: 1 })).rejects.toMatchObject({ name: "ServiceNotActiveException", message: "Service was not ACTIVE." });
    await fx.advance(30);
    expect(await fx.describe("doomed")).toMatchObject({ status: "INACTIVE", runningCount: 0 });
  });
});
