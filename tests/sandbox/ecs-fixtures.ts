// Shared set-up for the ECS sandbox tests: a frozen sandbox driven through the real SDK, plus small
// helpers to register revisions, create services, push images and read the PRIMARY/ACTIVE deployments.
import { CreateRepositoryCommand } from "@aws-sdk/client-ecr";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
  type Service,
  type ServiceDeployment,
  type Task,
} from "@aws-sdk/client-ecs";
import { startTestSandbox, TEST_ACCOUNT, TEST_REGION, type TestSandbox } from "../support/sandbox";

export const CLUSTER = "production";
export const REGISTRY = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com`;

export class EcsFixture {
  private constructor(readonly sandbox: TestSandbox) {}

  static async start(opts: { frozen?: boolean; timeScale?: number } = {}): Promise<EcsFixture> {
    const sandbox = await startTestSandbox({ scenario: "empty", ...opts });
    await sandbox.ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
    return new EcsFixture(sandbox);
  }

  get ecs() {
    return this.sandbox.ecs;
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }

  advance(seconds: number) {
    return this.sandbox.control.advance(seconds * 1000);
  }

  async register(family: string, image: string): Promise<string> {
    const out = await this.ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        containerDefinitions: [{ name: "app", image, portMappings: [{ containerPort: 8080 }] }],
      }),
    );
    return out.taskDefinition?.taskDefinitionArn ?? "";
  }

  async createService(name: string, taskDefinition: string, desiredCount: number, config?: DeploymentConfiguration): Promise<Service> {
    const out = await this.ecs.send(
      new CreateServiceCommand({ cluster: CLUSTER, serviceName: name, taskDefinition, desiredCount, deploymentConfiguration: config }),
    );
    return out.service ?? {};
  }

  async update(service: string, input: { taskDefinition?: string; desiredCount?: number; forceNewDeployment?: boolean; deploymentConfiguration?: DeploymentConfiguration }) {
    return (await this.ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service, ...input }))).service ?? {};
  }

  async describe(service: string): Promise<Service> {
    const out = await this.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [service] }));
    const found = out.services?.[0];
    if (!found) throw new Error(`service ${service} not described`);
    return found;
  }

  /** The service's newest service deployment, as DescribeServiceDeployments shows it. */
  async newestDeployment(service: string): Promise<ServiceDeployment> {
    const list = await this.ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service, maxResults: 1 }));
    const arn = list.serviceDeployments?.[0]?.serviceDeploymentArn ?? "";
    return (await this.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments?.[0] ?? {};
  }

  async tasks(service: string, desiredStatus: "RUNNING" | "STOPPED" = "RUNNING"): Promise<Task[]> {
    const arns = (await this.ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: service, desiredStatus }))).taskArns ?? [];
    if (arns.length === 0) return [];
    return (await this.ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: arns }))).tasks ?? [];
  }

  async createRepository(name: string): Promise<void> {
    await this.sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: name }));
  }

  /** A CI push through the control API; returns the `prod-<sha>` image URI and its digest. */
  async push(repository: string, opts: { crashing?: boolean } = {}): Promise<{ uri: string; digest: string }> {
    const pushed = await this.sandbox.control.push({ repository, crashing: opts.crashing });
    return { uri: `${REGISTRY}/${repository}:prod-${pushed.sha}`, digest: pushed.digest };
  }
}

/** A stable service at `desiredCount` on revision 1 of `name`, plus revision 2 ready to deploy. */
export async function stableService(fx: EcsFixture, name: string, desiredCount: number, config?: DeploymentConfiguration) {
  const v1 = await fx.register(name, "public.ecr.aws/nginx/nginx:1.27");
  const v2 = await fx.register(name, "public.ecr.aws/nginx/nginx:1.28");
  await fx.createService(name, v1, desiredCount, config);
  await fx.advance(120);
  return { v1, v2 };
}

export const primaryOf = (service: Service) => service.deployments?.find((d) => d.status === "PRIMARY");
export const activeOf = (service: Service) => service.deployments?.filter((d) => d.status === "ACTIVE") ?? [];
export const messages = (service: Service) => service.events?.map((e) => e.message ?? "") ?? [];
