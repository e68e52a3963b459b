// The app's own vocabulary for ECS and ECR state. lib/aws maps SDK wire shapes into these types at the
// boundary; everything above it (domain functions, queries, pages, deploy verbs) speaks only these.
// Timestamps are Date objects; optional AWS members stay optional rather than defaulted, so "unknown"
// is never confused with zero.

export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL" | "UNDEFINED";

/** Severity → count. Inspector may emit keys outside `Severity` (e.g. UNTRIAGED); they are kept. */
export type SeverityCounts = Partial<Record<Severity, number>> & Record<string, number | undefined>;

/** A parsed container image reference such as `123456789012.dkr.ecr.ap-south-1.amazonaws.com/my-api:prod-<sha>`. */
export interface ImageReference {
  /** Registry host, e.g. `123456789012.dkr.ecr.ap-south-1.amazonaws.com`; undefined for Docker Hub short names. */
  registry?: string;
  /** Set when the registry is an ECR registry. */
  ecr?: { accountId: string; region: string };
  repository: string;
  tag?: string;
  /** `sha256:<64 hex>` when the reference pins a digest. */
  digest?: string;
}

/** The git commit an image was built from, found through the configured `prod-<sha>` tag pattern. */
export interface CommitRef {
  tag: string;
  sha: string;
}

export type RolloutState = "IN_PROGRESS" | "COMPLETED" | "FAILED";

export interface Deployment {
  id: string;
  status: "PRIMARY" | "ACTIVE" | "INACTIVE" | string;
  taskDefinitionArn: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  rolloutState?: RolloutState;
  rolloutStateReason?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface ServiceEvent {
  id: string;
  createdAt: Date;
  message: string;
}

export type DeploymentStrategy = "ROLLING" | "BLUE_GREEN" | "LINEAR" | "CANARY" | string;

export interface DeploymentSettings {
  minimumHealthyPercent?: number;
  maximumPercent?: number;
  circuitBreaker?: { enable: boolean; rollback: boolean };
  /** ROLLING when AWS does not say (its default). */
  strategy?: DeploymentStrategy;
  /** Blue/green (and linear/canary) keep both revisions up this long after traffic moved. */
  bakeTimeInMinutes?: number;
  alarms?: { alarmNames: string[]; enable: boolean; rollback: boolean };
}

export interface Service {
  arn: string;
  name: string;
  clusterArn: string;
  clusterName: string;
  status: "ACTIVE" | "DRAINING" | "INACTIVE" | string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  taskDefinitionArn: string;
  deploymentController: "ECS" | "CODE_DEPLOY" | "EXTERNAL" | string;
  deploymentSettings: DeploymentSettings;
  deployments: Deployment[];
  events: ServiceEvent[];
  createdAt?: Date;
}

export interface TaskContainer {
  name: string;
  image?: string;
  imageDigest?: string;
  lastStatus?: string;
  healthStatus?: string;
  exitCode?: number;
  reason?: string;
}

export interface Task {
  arn: string;
  taskDefinitionArn: string;
  /** The deployment id (`ecs-svc/…`) for service tasks. */
  startedBy?: string;
  group?: string;
  lastStatus: string;
  desiredStatus: string;
  healthStatus?: string;
  startedAt?: Date;
  stoppedAt?: Date;
  stopCode?: string;
  stoppedReason?: string;
  containers: TaskContainer[];
}

export interface ContainerDefinition {
  name: string;
  image: string;
  essential?: boolean;
}

export interface TaskDefinitionRevision {
  arn: string;
  family: string;
  revision: number;
  status: "ACTIVE" | "INACTIVE" | "DELETE_IN_PROGRESS" | string;
  containers: ContainerDefinition[];
  registeredAt?: Date;
  registeredBy?: string;
  deregisteredAt?: Date;
  cpu?: string;
  memory?: string;
  /** The revision's tags (read with `include: ["TAGS"]`); absent when it has none. */
  tags?: { key: string; value: string }[];
}

export type ScanStatus =
  | "IN_PROGRESS"
  | "COMPLETE"
  | "FAILED"
  | "UNSUPPORTED_IMAGE"
  | "ACTIVE"
  | "PENDING"
  | "SCAN_ELIGIBILITY_EXPIRED"
  | "FINDINGS_UNAVAILABLE"
  | "LIMIT_EXCEEDED"
  | "IMAGE_ARCHIVED"
  | string;

export interface ScanSummary {
  status?: ScanStatus;
  description?: string;
  completedAt?: Date;
  severityCounts?: SeverityCounts;
}

/** ECR storage state (§8.5): only ACTIVE images can be pulled, so only they are rollback targets. */
export type ImageStatus = "ACTIVE" | "ARCHIVED" | "ACTIVATING" | string;

export interface EcrImage {
  repositoryName: string;
  digest: string;
  tags: string[];
  pushedAt: Date;
  sizeInBytes?: number;
  manifestMediaType?: string;
  scan?: ScanSummary;
  lastPulledAt?: Date;
  status?: ImageStatus;
  lastArchivedAt?: Date;
  lastActivatedAt?: Date;
}

/** One vulnerability, normalised from either the basic (`findings`) or enhanced (`enhancedFindings`) shape. */
export interface ScanFinding {
  id: string;
  title?: string;
  severity: Severity | string;
  description?: string;
  url?: string;
  packageName?: string;
  packageVersion?: string;
  fixedInVersion?: string;
  score?: number;
  source: "basic" | "enhanced";
}

export interface ScanFindings {
  status?: ScanStatus;
  description?: string;
  completedAt?: Date;
  severityCounts: SeverityCounts;
  findings: ScanFinding[];
}

export interface Repository {
  name: string;
  arn: string;
  uri: string;
  registryId: string;
  createdAt?: Date;
  scanOnPush: boolean;
  tagMutability?: string;
}

/** An ECS service-deployment record from ListServiceDeployments/DescribeServiceDeployments. */
export interface ServiceDeploymentRecord {
  arn: string;
  status: string;
  targetTaskDefinitionArn?: string;
  sourceTaskDefinitionArns: string[];
  createdAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  stoppedAt?: Date;
  statusReason?: string;
  rollbackReason?: string;
}

export type ServiceDeploymentStatus =
  | "PENDING"
  | "IN_PROGRESS"
  | "SUCCESSFUL"
  | "STOPPED"
  | "STOP_REQUESTED"
  | "ROLLBACK_REQUESTED"
  | "ROLLBACK_IN_PROGRESS"
  | "ROLLBACK_SUCCESSFUL"
  | "ROLLBACK_FAILED"
  | string;

/** One line of ListServiceDeployments: enough to pick a deployment, not to follow it. */
export interface ServiceDeploymentSummary {
  arn: string;
  serviceArn: string;
  clusterArn: string;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  targetServiceRevisionArn?: string;
  createdAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
}

/** A service revision as a deployment sees it, with its task counts. */
export interface ServiceRevisionCounts {
  arn: string;
  requestedTaskCount?: number;
  runningTaskCount?: number;
  pendingTaskCount?: number;
}

/** Everything DescribeServiceDeployments says about one deployment (aws-behaviour.md §8.1), fresh. */
export interface ServiceDeploymentDetail {
  arn: string;
  serviceArn: string;
  clusterArn: string;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  /** Blue/green, linear and canary only, e.g. BAKE_TIME. */
  lifecycleStage?: string;
  createdAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  stoppedAt?: Date;
  updatedAt?: Date;
  sourceRevisions: ServiceRevisionCounts[];
  targetRevision?: ServiceRevisionCounts;
  deploymentSettings?: DeploymentSettings;
  rollback?: { reason?: string; startedAt?: Date; serviceRevisionArn?: string };
  circuitBreaker?: { status: "TRIGGERED" | "MONITORING" | "MONITORING_COMPLETE" | "DISABLED" | string; failureCount?: number; threshold?: number };
  alarms?: { status: string; alarmNames: string[]; triggeredAlarmNames: string[] };
}

/** An ARN a batch describe could not answer for (`MISSING`, …). */
export interface DescribeFailure {
  arn: string;
  reason: string;
  detail?: string;
}
