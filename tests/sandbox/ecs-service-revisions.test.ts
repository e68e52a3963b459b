// DescribeServiceRevisions, followed from the deployment history as a client would: ListServiceDeployments
// → DescribeServiceDeployments → DescribeServiceRevisions → task definition and the digests pinned when
// each deployment started (aws-behaviour.md §2.2).
import { DescribeImagesCommand } from "@aws-sdk/client-ecr";
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
  type ECSClient,
  type ServiceRevision,
} from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MY_API_CRASHING_TAG } from "../../sandbox/seed/demo-facts";
import { CLUSTER, EcsFixture, REGISTRY } from "./ecs-fixtures";

const REVISION_ARN = /^arn:aws:ecs:ap-south-1:123456789012:service-revision\/production\/[a-z-]+\/\d{19}$/;

/** Every deployment of a service, newest first, with the revisions its ARNs point at. */
async function history(ecs: ECSClient, cluster: string, service: string) {
  const list = await ecs.send(new ListServiceDeploymentsCommand({ cluster, service }));
  const arns = (list.serviceDeployments ?? []).map((d) => d.serviceDeploymentArn ?? "");
  const deployments = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns }))).serviceDeployments ?? [];
  const revisionArns = new Set(deployments.flatMap((d) => [d.targetServiceRevision?.arn ?? "", ...(d.sourceServiceRevisions ?? []).map((s) => s.arn ?? "")]));
  revisionArns.delete("");
  const described = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [...revisionArns] }));
  expect(described.failures).toEqual([]);
  const revisions = new Map((described.serviceRevisions ?? []).map((r) => [r.serviceRevisionArn ?? "", r]));
  const revision = (arn: string | undefined): ServiceRevision => {
    const found = revisions.get(arn ?? "");
    if (!found) throw new Error(`revision ${arn} not described`);
    return found;
  };
  return { briefs: list.serviceDeployments ?? [], deployments, revision };
}

const digestsOf = (revision: ServiceRevision) => Object.fromEntries((revision.containerImages ?? []).map((c) => [c.containerName, c.imageDigest]));

describe("a hand-built service", () => {
  let fx: EcsFixture;
  beforeEach(async () => {
    fx = await EcsFixture.start();
    await fx.createRepository("web");
  });
  afterEach(() => fx.close());

  it("records each rollout's task definition and the digest its tag pointed to when it started", async () => {
    const first = await fx.push("web");
    const latest = `${REGISTRY}/web:latest`;
    const td = await fx.register("web", latest);
    await fx.createService("web", td, 2);
    await fx.advance(120);
    const second = await fx.push("web"); // moves `latest`; the running revision keeps its digest
    await fx.update("web", { forceNewDeployment: true });
    await fx.advance(120);

    const { briefs, deployments, revision } = await history(fx.ecs, CLUSTER, "web");
    expect(deployments.map((d) => d.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
    expect(briefs.map((b) => b.targetServiceRevisionArn)).toEqual(deployments.map((d) => d.targetServiceRevision?.arn));
    const [forced, created] = deployments;
    expect(forced?.sourceServiceRevisions?.map((s) => s.arn)).toEqual([created?.targetServiceRevision?.arn]);

    const old = revision(created?.targetServiceRevision?.arn);
    const current = revision(forced?.targetServiceRevision?.arn);
    expect(old.serviceRevisionArn).toMatch(REVISION_ARN);
    expect(old).toMatchObject({
      serviceArn: "arn:aws:ecs:ap-south-1:123456789012:service/production/web",
      clusterArn: "arn:aws:ecs:ap-south-1:123456789012:cluster/production",
      taskDefinition: td,
      launchType: "FARGATE",
      platformVersion: "LATEST",
      platformFamily: "Linux",
      containerImages: [{ containerName: "app", image: latest, imageDigest: first.digest }],
      createdAt: created?.createdAt,
    });
    expect(old.capacityProviderStrategy).toBeUndefined();
    expect(current).toMatchObject({ taskDefinition: td, containerImages: [{ containerName: "app", image: latest, imageDigest: second.digest }] });

    const running = await fx.tasks("web");
    expect(running.flatMap((t) => t.containers?.map((c) => c.imageDigest) ?? [])).toEqual([second.digest, second.digest]);
    const service = await fx.describe("web");
    expect(service.currentServiceRevisions?.map((r) => r.arn)).toEqual([current.serviceRevisionArn]);
  });

  it("keeps the settings a revision started with after the service changes", async () => {
    const td = await fx.register("web", (await fx.push("web")).uri);
    await fx.createService("web", td, 1);
    const strategy = [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }];
    const network = { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "DISABLED" as const } };
    await fx.ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "web", capacityProviderStrategy: strategy, networkConfiguration: network }));

    const { deployments, revision } = await history(fx.ecs, CLUSTER, "web");
    const [updated, created] = deployments;
    const before = revision(created?.targetServiceRevision?.arn);
    expect(before).toMatchObject({ taskDefinition: td, launchType: "FARGATE" });
    expect(before.capacityProviderStrategy).toBeUndefined();
    expect(before.networkConfiguration).toBeUndefined();
    const after = revision(updated?.targetServiceRevision?.arn);
    expect(after).toMatchObject({ taskDefinition: td, capacityProviderStrategy: strategy, networkConfiguration: network });
    expect(after.launchType).toBeUndefined();
  });

  it("follows a circuit-breaker rollback to the revision the service runs again", async () => {
    const good = await fx.push("web");
    const bad = await fx.push("web", { crashing: true });
    const goodTd = await fx.register("web", good.uri);
    const badTd = await fx.register("web", bad.uri);
    await fx.createService("web", goodTd, 2, { deploymentCircuitBreaker: { enable: true, rollback: true } });
    await fx.advance(120);
    await fx.update("web", { taskDefinition: badTd });
    await fx.advance(120);

    const { deployments, revision } = await history(fx.ecs, CLUSTER, "web");
    expect(deployments.map((d) => d.status)).toEqual(["ROLLBACK_SUCCESSFUL", "SUCCESSFUL"]);
    const [failed, original] = deployments;
    const failedRevision = revision(failed?.targetServiceRevision?.arn);
    expect(failedRevision).toMatchObject({ taskDefinition: badTd, containerImages: [{ containerName: "app", image: bad.uri, imageDigest: bad.digest }] });

    // The rollback re-deploys the source revision rather than creating a new one.
    const rollbackArn = failed?.rollback?.serviceRevisionArn;
    expect(failed?.sourceServiceRevisions?.map((s) => s.arn)).toEqual([rollbackArn]);
    expect(original?.targetServiceRevision?.arn).toBe(rollbackArn);
    const restored = revision(rollbackArn);
    expect(restored).toMatchObject({ taskDefinition: goodTd, containerImages: [{ containerName: "app", image: good.uri, imageDigest: good.digest }] });

    const service = await fx.describe("web");
    expect(service.taskDefinition).toBe(restored.taskDefinition);
    expect(service.currentServiceRevisions?.map((r) => r.arn)).toEqual([rollbackArn]);
    expect((await fx.tasks("web")).map((t) => t.containers?.[0]?.imageDigest)).toEqual([good.digest, good.digest]);
  });
});

describe("the demo's my-api incident", () => {
  let fx: EcsFixture;
  beforeEach(async () => {
    fx = await EcsFixture.start();
    await fx.sandbox.control.reset("demo");
  });
  afterEach(() => fx.close());

  it("leads from the rolled-back deployment to the crashing digest and back to the running one", async () => {
    const { deployments, revision } = await history(fx.ecs, CLUSTER, "my-api");
    const incident = deployments[0];
    expect(incident).toMatchObject({ status: "ROLLBACK_SUCCESSFUL", deploymentCircuitBreaker: { status: "TRIGGERED" } });
    const crashing = revision(incident?.targetServiceRevision?.arn);
    expect(crashing.containerImages?.map((c) => c.containerName)).toEqual(["app", "log-router"]);
    expect(crashing.containerImages?.[0]?.image).toBe(`${REGISTRY}/my-api:${MY_API_CRASHING_TAG}`);
    const pushed = await fx.sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: "my-api", imageIds: [{ imageTag: MY_API_CRASHING_TAG }] }));
    expect(digestsOf(crashing).app).toBe(pushed.imageDetails?.[0]?.imageDigest);

    const running = revision(incident?.rollback?.serviceRevisionArn);
    const service = await fx.describe("my-api");
    expect(running.taskDefinition).toBe(service.taskDefinition);
    expect(running.taskDefinition).not.toBe(crashing.taskDefinition);
    const tasks = await fx.tasks("my-api");
    expect(tasks).toHaveLength(4);
    for (const task of tasks) {
      expect(Object.fromEntries(task.containers?.map((c) => [c.name, c.imageDigest]) ?? [])).toEqual(digestsOf(running));
    }
  });
});

describe("lookup and limits", () => {
  let fx: EcsFixture;
  let arn: string;
  beforeEach(async () => {
    fx = await EcsFixture.start();
    await fx.createService("web", await fx.register("web", "public.ecr.aws/nginx/nginx:1.27"), 1);
    arn = (await fx.describe("web")).currentServiceRevisions?.[0]?.arn ?? "";
  });
  afterEach(() => fx.close());

  it.each([
    ["an unknown revision number", (a: string) => a.replace(/\d{19}$/, "1234567890123456789")],
    ["another service", (a: string) => a.replace("/web/", "/api/")],
    ["another cluster", (a: string) => a.replace("/production/", "/staging/")],
    ["another account", (a: string) => a.replace("123456789012", "210987654321")],
    ["another Region", (a: string) => a.replace("ap-south-1", "eu-west-1")],
    ["a service-deployment ARN", (a: string) => a.replace("service-revision", "service-deployment")],
    ["a bare number", (a: string) => a.split("/").pop() ?? ""],
  ])("reports %s as MISSING, in request order", async (_, mangle) => {
    const missing = mangle(arn);
    const out = await fx.ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [missing, arn] }));
    expect(out.failures).toEqual([{ arn: missing, reason: "MISSING" }]);
    expect(out.serviceRevisions?.map((r) => r.serviceRevisionArn)).toEqual([arn]);
  });

  it.each([
    ["no ARNs", 0, "serviceRevisionArns cannot be empty."],
    ["21 ARNs", 21, "serviceRevisionArns can have at most 20 items."],
  ])("refuses %s with InvalidParameterException", async (_, count, message) => {
    const call = fx.ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: Array.from({ length: count }, () => arn) }));
    await expect(call).rejects.toMatchObject({ name: "InvalidParameterException", message });
  });

  it("describes 20 ARNs, repeats included", async () => {
    const out = await fx.ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: Array.from({ length: 20 }, () => arn) }));
    expect(out.serviceRevisions).toHaveLength(20);
    expect(out.failures).toEqual([]);
  });
});
