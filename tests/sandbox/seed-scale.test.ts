// The benchmark scenario: sizes come from the options and every service reaches a steady state.
import { ListImagesCommand, DescribeRepositoriesCommand } from "@aws-sdk/client-ecr";
import { DescribeServicesCommand, ListClustersCommand, paginateListServices } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const OPTIONS = { clusters: 2, servicesPerCluster: 15, repositories: 3, imagesPerRepository: 1200 };

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: "scale", scaleOptions: OPTIONS });
});
afterAll(() => sandbox.close());

describe("scale scenario", () => {
  it("creates the requested clusters and services, all running", async () => {
    const clusters = (await sandbox.ecs.send(new ListClustersCommand({}))).clusterArns ?? [];
    expect(clusters).toHaveLength(OPTIONS.clusters);
    for (const cluster of clusters) {
      const arns: string[] = [];
      for await (const page of paginateListServices({ client: sandbox.ecs }, { cluster })) arns.push(...(page.serviceArns ?? []));
      expect(arns).toHaveLength(OPTIONS.servicesPerCluster);
      const described = await sandbox.ecs.send(new DescribeServicesCommand({ cluster, services: arns.slice(0, 10) }));
      for (const service of described.services ?? []) expect(service.runningCount).toBe(service.desiredCount);
    }
  });

  it("fills each repository with the requested number of images", async () => {
    const repositories = (await sandbox.ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? [];
    expect(repositories).toHaveLength(OPTIONS.repositories);
    const page = await sandbox.ecr.send(
      new ListImagesCommand({ repositoryName: repositories[0]?.repositoryName, filter: { tagStatus: "TAGGED" }, maxResults: 1000 }),
    );
    // ListImages lists one entry per tag: prod-<sha> and sha-<7> on every image, latest on one.
    expect(page.imageIds).toHaveLength(1000);
    expect(page.nextToken).toBeTruthy();
  });

  it("is reseeded with other sizes through the control API", async () => {
    await sandbox.control.seed("scale", { clusters: 1, servicesPerCluster: 2, repositories: 1, imagesPerRepository: 5 });
    expect((await sandbox.ecs.send(new ListClustersCommand({}))).clusterArns).toHaveLength(1);
    expect((await sandbox.ecr.send(new ListImagesCommand({ repositoryName: "repo-0000", filter: { tagStatus: "TAGGED" } }))).imageIds).toHaveLength(11);
  });
});
