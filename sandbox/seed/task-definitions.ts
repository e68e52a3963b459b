// RegisterTaskDefinition and CreateService inputs for seeded services: Fargate tasks with realistic
// roles, logging and, for my-api, a FireLens log-router sidecar.
import type { Input } from "../core/operation";

export interface RevisionSpec {
  account: string;
  region: string;
  family: string;
  service: string;
  image: string;
  /** The build's short SHA, visible as an environment variable like real deploy pipelines set. */
  release: string;
  port?: number;
  logLevel: string;
  /** When set, a FireLens sidecar named "log-router" ships the app's logs. */
  sidecarImage?: string;
}

export function taskDefinitionInput(spec: RevisionSpec): Input {
  const app: Input = {
    name: "app",
    image: spec.image,
    essential: true,
    portMappings: spec.port ? [{ containerPort: spec.port, protocol: "tcp" }] : [],
    environment: [
      { name: "RELEASE", value: spec.release },
      { name: "LOG_LEVEL", value: spec.logLevel },
    ],
    logConfiguration: spec.sidecarImage
      ? { logDriver: "awsfirelens", options: { Name: "cloudwatch_logs", region: spec.region, log_group_name: `/ecs/${spec.family}` } }
      : { logDriver: "awslogs", options: { "awslogs-group": `/ecs/${spec.family}`, "awslogs-region": spec.region, "awslogs-stream-prefix": "app" } },
  };
  const containers: Input[] = [app];
  if (spec.sidecarImage) {
    containers.push({
      name: "log-router",
      image: spec.sidecarImage,
      essential: true,
      memoryReservation: 50,
      firelensConfiguration: { type: "fluentbit" },
    });
  }
  return {
    family: spec.family,
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "512",
    memory: "1024",
    executionRoleArn: `arn:aws:iam::${spec.account}:role/ecsTaskExecutionRole`,
    taskRoleArn: `arn:aws:iam::${spec.account}:role/${spec.service}-task`,
    containerDefinitions: containers,
    tags: [{ key: "team", value: "platform" }],
  };
}

export function createServiceInput(spec: {
  cluster: string;
  service: string;
  taskDefinition: string;
  desiredCount: number;
  circuitBreaker: boolean;
}): Input {
  return {
    cluster: spec.cluster,
    serviceName: spec.service,
    taskDefinition: spec.taskDefinition,
    desiredCount: spec.desiredCount,
    launchType: "FARGATE",
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: spec.circuitBreaker, rollback: spec.circuitBreaker },
    },
    networkConfiguration: {
      awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d4e5f60001"], securityGroups: ["sg-0a1b2c3d4e5f60001"], assignPublicIp: "DISABLED" },
    },
  };
}

export function repositoryUri(account: string, region: string, repository: string): string {
  return `${account}.dkr.ecr.${region}.amazonaws.com/${repository}`;
}
