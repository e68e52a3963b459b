// The demo scenario of product.md, checked through the SDK as the dashboard will see it.
import {
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  paginateDescribeImages,
  type ImageDetail,
} from "@aws-sdk/client-ecr";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  type Service,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_BLUE_GREEN,
  DEMO_DEPLOYMENT_ALARM,
  DEMO_IMAGES_PER_REPOSITORY,
  DEMO_LIFECYCLE_POLICY,
  DEMO_REPOSITORIES,
  DEMO_SERVICES,
  DEMO_SERVICE_NAMES,
  DEMO_STAGING_SERVICE_NAMES,
  ENHANCED_SCAN_REPOSITORY,
  MY_API_CRASHING_TAG,
  PAYMENTS_CRITICAL_FINDING,
  PAYMENTS_CRITICAL_TAG,
} from "../../sandbox/seed/demo-facts";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: "demo" });
});
afterAll(() => sandbox.close());

async function services(cluster: string): Promise<Service[]> {
  const arns = (await sandbox.ecs.send(new ListServicesCommand({ cluster, maxResults: 100 }))).serviceArns ?? [];
  return (await sandbox.ecs.send(new DescribeServicesCommand({ cluster, services: arns }))).services ?? [];
}

async function images(repositoryName: string): Promise<ImageDetail[]> {
  const all: ImageDetail[] = [];
  for await (const page of paginateDescribeImages({ client: sandbox.ecr }, { repositoryName })) all.push(...(page.imageDetails ?? []));
  return all.sort((a, b) => (a.imagePushedAt?.getTime() ?? 0) - (b.imagePushedAt?.getTime() ?? 0));
}

const appImage = async (taskDefinition: string) =>
  (await sandbox.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }))).taskDefinition?.containerDefinitions?.find(
    (container) => container.name === "app",
  )?.image;

describe("ECS", () => {
  it("has the production and staging clusters with the demo services", async () => {
    const clusters = (await sandbox.ecs.send(new ListClustersCommand({}))).clusterArns ?? [];
    expect(clusters.map((arn) => arn.split("/").pop()).sort()).toEqual(["production", "staging"]);
    expect((await services("production")).map((service) => service.serviceName).sort()).toEqual([...DEMO_SERVICE_NAMES].sort());
    expect((await services("staging")).map((service) => service.serviceName).sort()).toEqual([...DEMO_STAGING_SERVICE_NAMES].sort());
  });

  it.each(DEMO_SERVICES.map((spec) => [spec.name, spec] as const))("production %s has its desired count and breaker, and is stable", async (name, spec) => {
    const service = (await services("production")).find((candidate) => candidate.serviceName === name);
    expect(service?.desiredCount).toBe(spec.desired);
    expect(service?.desiredCount).toBeGreaterThanOrEqual(1);
    expect(service?.desiredCount).toBeLessThanOrEqual(6);
    expect(service?.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({ enable: spec.circuitBreaker, rollback: spec.circuitBreaker });
    expect(service?.deployments).toHaveLength(1);
    expect(service?.runningCount).toBe(spec.desired);
  });

  it("deploys production web blue/green with a bake time and watches worker's deployment alarm", async () => {
    const production = await services("production");
    const web = production.find((service) => service.serviceName === DEMO_BLUE_GREEN.service);
    expect(web?.deploymentConfiguration).toMatchObject({ strategy: "BLUE_GREEN", bakeTimeInMinutes: DEMO_BLUE_GREEN.bakeTimeInMinutes });
    const worker = production.find((service) => service.serviceName === DEMO_DEPLOYMENT_ALARM.service);
    expect(worker?.deploymentConfiguration?.alarms).toEqual({ alarmNames: [DEMO_DEPLOYMENT_ALARM.alarmName], enable: true, rollback: true });
    expect((await sandbox.control.state()).ecs).toMatchObject({ alarms: {} });
  });

  it("runs my-api as app + log-router sidecar from the log-router repository", async () => {
    const myApi = (await services("production")).find((service) => service.serviceName === "my-api");
    const definition = await sandbox.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: myApi?.taskDefinition }));
    const containers = definition.taskDefinition?.containerDefinitions ?? [];
    expect(containers.map((container) => container.name)).toEqual(["app", "log-router"]);
    expect(containers[1]?.image).toMatch(/\.dkr\.ecr\.ap-south-1\.amazonaws\.com\/log-router:prod-[0-9a-f]{40}$/);
  });

  it("rolled my-api back from the crashing image with the circuit breaker", async () => {
    const myApi = (await services("production")).find((service) => service.serviceName === "my-api");
    expect(myApi?.events?.some((event) => /rolling back to deployment ecs-svc\/\d+/.test(event.message ?? ""))).toBe(true);
    // The newest ACTIVE revision is the crashing one; the service runs an older one again.
    const newest = await sandbox.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "my-api" }));
    expect(await appImage(newest.taskDefinition?.taskDefinitionArn ?? "")).toMatch(new RegExp(`:${MY_API_CRASHING_TAG}$`));
    expect(myApi?.taskDefinition).not.toBe(newest.taskDefinition?.taskDefinitionArn);
    expect(await appImage(myApi?.taskDefinition ?? "")).not.toContain(MY_API_CRASHING_TAG);
    expect(myApi?.deployments?.[0]).toMatchObject({ status: "PRIMARY", rolloutState: "COMPLETED" });
  });

  it("runs production payments on the image with a CRITICAL finding", async () => {
    const payments = (await services("production")).find((service) => service.serviceName === "payments");
    expect(await appImage(payments?.taskDefinition ?? "")).toMatch(new RegExp(`/payments:${PAYMENTS_CRITICAL_TAG}$`));
    const scan = await sandbox.ecr.send(
      new DescribeImageScanFindingsCommand({ repositoryName: "payments", imageId: { imageTag: PAYMENTS_CRITICAL_TAG }, maxResults: 1000 }),
    );
    expect(scan.imageScanFindings?.findingSeverityCounts?.CRITICAL).toBeGreaterThanOrEqual(1);
    expect(scan.imageScanFindings?.findings?.map((finding) => finding.name)).toContain(PAYMENTS_CRITICAL_FINDING.id);
  });

  it.each(DEMO_SERVICE_NAMES)("keeps dozens of %s revisions, the oldest INACTIVE and their images gone from ECR", async (family) => {
    const inactive = (await sandbox.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: "INACTIVE" }))).taskDefinitionArns ?? [];
    const active = (await sandbox.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: "ACTIVE" }))).taskDefinitionArns ?? [];
    expect(inactive.length + active.length).toBeGreaterThanOrEqual(12);
    expect(inactive[0]).toMatch(new RegExp(`task-definition/${family}:1$`));
    expect(active.length).toBeGreaterThan(0);
    const oldestImage = (await appImage(`${family}:1`)) ?? "";
    const tag = oldestImage.split(":").pop();
    await expect(sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: family, imageIds: [{ imageTag: tag }] }))).rejects.toMatchObject({
      name: "ImageNotFoundException",
    });
  });
});

describe("ECR", () => {
  it("has a repository per service plus log-router, scanning on push, one with ENHANCED scanning", async () => {
    const repositories = (await sandbox.ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? [];
    expect(repositories.map((repository) => repository.repositoryName).sort()).toEqual([...DEMO_REPOSITORIES].sort());
    expect(repositories.every((repository) => repository.imageScanningConfiguration?.scanOnPush)).toBe(true);
    const enhanced = await sandbox.ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: ENHANCED_SCAN_REPOSITORY, imageId: { imageTag: "latest" } }));
    expect(enhanced.imageScanFindings?.enhancedFindings).toBeDefined();
  });

  it.each(DEMO_SERVICE_NAMES)("%s holds 30-80 CI images with the lifecycle policy applied", async (repositoryName) => {
    const all = await images(repositoryName);
    expect(all.length).toBeGreaterThanOrEqual(DEMO_IMAGES_PER_REPOSITORY.min);
    expect(all.length).toBeLessThanOrEqual(DEMO_IMAGES_PER_REPOSITORY.max);
    const tagged = all.filter((image) => image.imageTags);
    expect(all.length - tagged.length).toBeGreaterThan(0);
    expect(tagged.every((image) => image.imageTags?.some((tag) => /^sha-[0-9a-f]{7}$/.test(tag)))).toBe(true);
    const prod = tagged.filter((image) => image.imageTags?.some((tag) => /^prod-[0-9a-f]{40}$/.test(tag)));
    expect(prod).toHaveLength(10);
    expect(tagged.at(-1)?.imageTags).toContain("latest");
    const pushedDays = (all.at(-1)!.imagePushedAt!.getTime() - all[0]!.imagePushedAt!.getTime()) / 86_400_000;
    expect(pushedDays).toBeGreaterThan(50);
    const policy = await sandbox.ecr.send(new GetLifecyclePolicyCommand({ repositoryName }));
    expect(JSON.parse(policy.lifecyclePolicyText ?? "{}")).toEqual(DEMO_LIFECYCLE_POLICY);
  });

  it("reports findings of every severity across my-api's images", async () => {
    const severities = new Set<string>();
    for (const image of await images("my-api")) {
      const scan = await sandbox.ecr.send(
        new DescribeImageScanFindingsCommand({ repositoryName: "my-api", imageId: { imageDigest: image.imageDigest } }),
      );
      for (const [severity, count] of Object.entries(scan.imageScanFindings?.findingSeverityCounts ?? {})) if (count > 0) severities.add(severity);
    }
    expect([...severities].sort()).toEqual(["CRITICAL", "HIGH", "INFORMATIONAL", "LOW", "MEDIUM", "UNDEFINED"]);
  });

  it("tags the crashing my-api image latest", async () => {
    const crashing = await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: "my-api", imageIds: [{ imageTag: MY_API_CRASHING_TAG }] }));
    expect(crashing.imageDetails?.[0]?.imageTags).toContain("latest");
  });
});

describe("determinism", () => {
  it("seeds the same digests and revisions on every run", async () => {
    const fingerprint = async () => ({
      digests: (await images("web")).map((image) => image.imageDigest),
      revisions: (await services("production")).map((service) => service.taskDefinition),
    });
    const before = await fingerprint();
    await sandbox.control.reset("demo");
    expect(await fingerprint()).toEqual(before);
  });
});
