// The sandbox must never be what makes a benchmark slow: with 10,000 images and 500 services loaded,
// a 1,000-image DescribeImages page and a 10-service DescribeServices answer in under 50 ms, and
// DescribeServiceDeployments of 20 ARNs (what a rollback page polls) in under 10 ms.
import { DescribeImagesCommand, ECRClient } from "@aws-sdk/client-ecr";
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
} from "@aws-sdk/client-ecs";
import { benchClientConfig } from "../lib/sandbox-env";
import { summarise } from "../lib/stats";
import type { SandboxControl } from "../../tests/support/sandbox-control";

export async function sandboxSpeed(sandboxUrl: string, control: SandboxControl, runs: number) {
  await control.reset("empty");
  await control.seed("scale", { clusters: 2, servicesPerCluster: 250, repositories: 1, imagesPerRepository: 10_000 });
  await control.clearFaults();
  const config = benchClientConfig(sandboxUrl);
  const ecr = new ECRClient(config);
  const ecs = new ECSClient(config);
  const { serviceArns = [] } = await ecs.send(new ListServicesCommand({ cluster: "cluster-0000", maxResults: 10 }));
  const deploymentArns = await serviceDeploymentArns(ecs, 20);
  const images: number[] = [];
  const services: number[] = [];
  const deployments: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    let started = performance.now();
    const page = await ecr.send(new DescribeImagesCommand({ repositoryName: "repo-0000", maxResults: 1000 }));
    images.push(performance.now() - started);
    if ((page.imageDetails ?? []).length !== 1000) throw new Error("expected a full 1,000-image page");
    started = performance.now();
    await ecs.send(new DescribeServicesCommand({ cluster: "cluster-0000", services: serviceArns }));
    services.push(performance.now() - started);
    started = performance.now();
    const described = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: deploymentArns }));
    deployments.push(performance.now() - started);
    if ((described.serviceDeployments ?? []).length !== 20) throw new Error("expected 20 service deployments");
  }
  ecr.destroy();
  ecs.destroy();
  return { describeImages1000: summarise(images), describeServices10: summarise(services), describeServiceDeployments20: summarise(deployments) };
}

/** The newest service deployment of each of the first `count` services of cluster-0001. */
async function serviceDeploymentArns(ecs: ECSClient, count: number): Promise<string[]> {
  const { serviceArns = [] } = await ecs.send(new ListServicesCommand({ cluster: "cluster-0001", maxResults: count }));
  const arns: string[] = [];
  for (const service of serviceArns) {
    const { serviceDeployments = [] } = await ecs.send(new ListServiceDeploymentsCommand({ cluster: "cluster-0001", service, maxResults: 1 }));
    arns.push(serviceDeployments[0]?.serviceDeploymentArn ?? "");
  }
  return arns;
}
