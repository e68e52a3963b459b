// The records the ECS model keeps. Timestamps are epoch ms; the render/ files turn them into Dates.
// Objects reference each other directly (task → deployment → service → cluster) so every lookup the
// rollout simulator and DescribeServices need is a pointer hop or a Map get, never a scan.
import type { Input } from "../core/operation";

export interface Tag {
  key: string;
  value: string;
}

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface TaskDefinitionRecord {
  family: string;
  revision: number;
  arn: string;
  status: "ACTIVE" | "INACTIVE" | "DELETE_IN_PROGRESS";
  /** The registered body with AWS's echoed defaults applied (containerDefinitions, cpu, memory, …). */
  body: Input;
  containerNames: string[];
  images: string[];
  cpu?: string;
  memory?: string;
  hasHealthCheck: boolean;
  registeredAt: number;
  deregisteredAt?: number;
  deleteRequestedAt?: number;
  tags: Tag[];
}

export interface Cluster {
  name: string;
  arn: string;
  createdAt: number;
  tags: Tag[];
  /** By service name, in creation order. */
  services: Map<string, Service>;
  /** By task id: live tasks plus stopped ones still within the retention window. */
  tasks: Map<string, Task>;
}

export interface DeploymentCircuitBreakerConfig {
  enable: boolean;
  rollback: boolean;
  /** Default true: the first RUNNING task resets failedTasks and ends stage 1 (§3.4). */
  resetOnHealthyTask?: boolean;
  /** Default BOUNDED_PERCENT 50 (§8.4). */
  thresholdConfiguration?: { type: "COUNT" | "BOUNDED_PERCENT" | "UNBOUNDED_PERCENT"; value: number };
}

export type DeploymentStrategy = "ROLLING" | "BLUE_GREEN";

export interface DeploymentConfig {
  deploymentCircuitBreaker: DeploymentCircuitBreakerConfig;
  maximumPercent: number;
  minimumHealthyPercent: number;
  alarms: { alarmNames: string[]; enable: boolean; rollback: boolean };
  /** Undefined until a caller sets one (AWS then echoes nothing and rolls). */
  strategy?: DeploymentStrategy;
  bakeTimeInMinutes?: number;
  /** Members this model does not simulate (lifecycleHooks, …), echoed as given. */
  extra: Input;
}

export type RolloutState = "IN_PROGRESS" | "COMPLETED" | "FAILED";

export type LifecycleStage =
  | "RECONCILE_SERVICE"
  | "PRE_SCALE_UP"
  | "SCALE_UP"
  | "POST_SCALE_UP"
  | "TEST_TRAFFIC_SHIFT"
  | "POST_TEST_TRAFFIC_SHIFT"
  | "PRODUCTION_TRAFFIC_SHIFT"
  | "POST_PRODUCTION_TRAFFIC_SHIFT"
  | "BAKE_TIME"
  | "CLEAN_UP";

export type ServiceDeploymentStatus =
  | "PENDING"
  | "SUCCESSFUL"
  | "STOPPED"
  | "STOP_REQUESTED"
  | "IN_PROGRESS"
  | "ROLLBACK_REQUESTED"
  | "ROLLBACK_IN_PROGRESS"
  | "ROLLBACK_SUCCESSFUL"
  | "ROLLBACK_FAILED";

/** The ListServiceDeployments / DescribeServiceDeployments view of a deployment. */
export interface ServiceDeploymentRecord {
  arn: string;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  startedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  updatedAt: number;
  /** The deployments that were running when this one started; their counts move as they drain. */
  sources: Deployment[];
  deploymentConfiguration: DeploymentConfig;
  breakerStatus: "TRIGGERED" | "MONITORING" | "MONITORING_COMPLETE" | "DISABLED";
  alarmStatus: "TRIGGERED" | "MONITORING" | "MONITORING_COMPLETE" | "DISABLED";
  triggeredAlarmNames: string[];
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
  /** BLUE_GREEN only (§8.3): the stage the deployment is in; ROLLING deployments report none. */
  lifecycleStage?: LifecycleStage;
  /**
   * When this record next changes on its own: the end of a timed blue/green stage, of the bake time
   * (blue/green or alarm bake), or of ROLLBACK_REQUESTED. The simulator wakes the service then.
   */
  timerAt?: number;
  /** Set once the alarm bake time of a ROLLING deployment with alarms has started. */
  bakeStartedAt?: number;
}

/** One container image of a deployment, resolved to a digest when the deployment started. */
export interface ResolvedImage {
  name: string;
  image: string;
  /** Undefined when the image could not be resolved: its tasks fail with CannotPullContainerError. */
  digest?: string;
  /** The `repo@sha256:` URI used to ask ECR whether the image crashes, when it lives in this registry. */
  pinnedUri?: string;
}

/**
 * The service settings a service revision records besides its task definition, images, launch type and
 * network configuration: copied when the deployment starts, so later UpdateService calls leave it alone.
 */
export interface RevisionSettings {
  capacityProviderStrategy?: unknown;
  loadBalancers?: unknown;
  serviceRegistries?: unknown;
}

export interface Deployment {
  id: string;
  /** The 19 digits of the id; also names the service revision. */
  number: string;
  /** `service-revision/{cluster}/{service}/{number}`. */
  revisionArn: string;
  service: Service;
  status: "PRIMARY" | "ACTIVE" | "INACTIVE";
  taskDefinition: TaskDefinitionRecord;
  images: ResolvedImage[];
  desiredCount: number;
  failedTasks: number;
  /** Stage 2 of the breaker: once a task reached RUNNING, start failures no longer count. */
  hadRunningTask: boolean;
  consecutiveFailures: number;
  /** Launch throttling after repeated failures (see rollout/timings.ts). */
  nextLaunchAt: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  createdAt: number;
  updatedAt: number;
  launchType: string;
  platformVersion?: string;
  networkConfiguration?: Input;
  revisionSettings: RevisionSettings;
  /** Tasks of this deployment that are not STOPPED yet. */
  tasks: Set<Task>;
  record: ServiceDeploymentRecord;
}

export interface Service {
  name: string;
  arn: string;
  cluster: Cluster;
  status: "ACTIVE" | "DRAINING" | "INACTIVE";
  desiredCount: number;
  launchType: string;
  platformVersion?: string;
  schedulingStrategy: string;
  deploymentControllerType: string;
  deploymentConfiguration: DeploymentConfig;
  networkConfiguration?: Input;
  /** Settings echoed back unchanged (placement, propagateTags, healthCheckGracePeriodSeconds, …). */
  settings: Input;
  createdAt: number;
  createdBy: string;
  tags: Tag[];
  /** Newest first, at most 100. */
  events: ServiceEvent[];
  /** Listed deployments, PRIMARY first. */
  deployments: Deployment[];
  /** Every deployment ever started, oldest first: ListServiceDeployments and rollback targets. */
  history: Deployment[];
  /** Sim time at which the rollout simulator must look at this service again; undefined when idle. */
  wakeAt?: number;
  steady: boolean;
}

export type TaskStatus = "PROVISIONING" | "PENDING" | "RUNNING" | "DEACTIVATING" | "STOPPING" | "DEPROVISIONING" | "STOPPED";

/** What a task will do once its image is pulled. */
export type TaskFate = "run" | "crash" | "pull-fail";

export interface TaskContainer {
  arn: string;
  runtimeId: string;
  name: string;
  image: string;
  imageDigest?: string;
  lastStatus: string;
  exitCode?: number;
  reason?: string;
}

export interface Task {
  id: string;
  arn: string;
  cluster: Cluster;
  service: Service;
  deployment: Deployment;
  taskDefinitionArn: string;
  lastStatus: TaskStatus;
  desiredStatus: "RUNNING" | "STOPPED";
  fate: TaskFate;
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  healthyAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: string;
  stoppedReason?: string;
  /** When the next lifecycle transition happens; undefined once STOPPED. */
  nextAt?: number;
  availabilityZone: string;
  containers: TaskContainer[];
  version: number;
  tags: Tag[];
}
