// The ECS cluster and the Fargate service running the dashboard image: at least two tasks (they share
// the Postgres store, see docs/deploy.md), rolled with the circuit breaker, each behind the target group.
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { SubnetType, type IVpc } from "aws-cdk-lib/aws-ec2";
import { Repository } from "aws-cdk-lib/aws-ecr";
import {
  Cluster,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  LogDrivers,
  OperatingSystemFamily,
  type Secret as EcsSecret,
} from "aws-cdk-lib/aws-ecs";
import type { ApplicationTargetGroup } from "aws-cdk-lib/aws-elasticloadbalancingv2";
import type { IRole } from "aws-cdk-lib/aws-iam";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { CONTAINER_PORT } from "./load-balancer";
import type { Settings } from "./settings";

// SIGTERM → SIGKILL: the server stops taking requests, releases its follower leases and exits within
// 10 s; 30 s leaves room for a slow database on the way out.
export const STOP_TIMEOUT_SECONDS = 30;
// The Dockerfile's HEALTHCHECK, repeated because ECS ignores an image's own HEALTHCHECK.
const LIVENESS = "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))";

const ECR_URI = /^(?<account>\d{12})\.dkr\.ecr\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?\/(?<name>[a-z0-9._/-]+?)(?::(?<tag>[\w.-]+)|@(?<digest>sha256:[0-9a-f]{64}))?$/;

/** An ECR URI becomes an ECR image (the execution role is granted pull on that repository); anything else is pulled as is. */
function containerImage(scope: Construct, uri: string): ContainerImage {
  const match = ECR_URI.exec(uri)?.groups;
  if (!match?.name || !match.account || !match.region) return ContainerImage.fromRegistry(uri);
  const partition = uri.includes(".amazonaws.com.cn/") ? "aws-cn" : "aws";
  const repository = Repository.fromRepositoryAttributes(scope, "Repository", {
    repositoryName: match.name,
    repositoryArn: `arn:${partition}:ecr:${match.region}:${match.account}:repository/${match.name}`,
  });
  return ContainerImage.fromEcrRepository(repository, match.digest ?? match.tag ?? "latest");
}

interface ServiceProps {
  vpc: IVpc;
  settings: Pick<Settings, "image" | "url" | "region" | "desiredCount" | "cpu" | "memoryMiB" | "arm64" | "logRetentionDays">;
  taskRole: IRole;
  executionRole: IRole;
  targetGroup: ApplicationTargetGroup;
  databaseUrl: string;
  secrets: Record<string, EcsSecret>;
}

export class DashboardService extends Construct {
  readonly cluster: Cluster;
  readonly service: FargateService;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceProps) {
    super(scope, id);
    const { settings } = props;
    this.cluster = new Cluster(this, "Cluster", { vpc: props.vpc, containerInsightsV2: ContainerInsights.ENABLED });
    this.logGroup = new LogGroup(this, "Logs", { retention: settings.logRetentionDays, removalPolicy: RemovalPolicy.RETAIN });

    const taskDefinition = new FargateTaskDefinition(this, "Task", {
      cpu: settings.cpu,
      memoryLimitMiB: settings.memoryMiB,
      taskRole: props.taskRole,
      executionRole: props.executionRole,
      runtimePlatform: {
        cpuArchitecture: settings.arm64 ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64,
        operatingSystemFamily: OperatingSystemFamily.LINUX,
      },
    });
    taskDefinition.addContainer("dashboard", {
      image: containerImage(this, settings.image),
      portMappings: [{ containerPort: CONTAINER_PORT }],
      environment: {
        NODE_ENV: "production",
        PORT: String(CONTAINER_PORT),
        AWS_REGION: settings.region,
        NEXTAUTH_URL: settings.url,
        DATABASE_URL: props.databaseUrl,
      },
      secrets: props.secrets,
      logging: LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: "dashboard" }),
      healthCheck: {
        command: ["CMD", "node", "-e", LIVENESS],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(3),
        startPeriod: Duration.seconds(30),
        retries: 3,
      },
      stopTimeout: Duration.seconds(STOP_TIMEOUT_SECONDS),
      // Next.js writes its cache under .next/cache, so the root file system stays writable.
      readonlyRootFilesystem: false,
    });

    this.service = new FargateService(this, "Service", {
      cluster: this.cluster,
      taskDefinition,
      desiredCount: settings.desiredCount,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      healthCheckGracePeriod: Duration.seconds(60),
      vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
    });
    this.service.attachToApplicationTargetGroup(props.targetGroup);
  }
}
