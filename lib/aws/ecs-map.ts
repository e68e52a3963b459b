// SDK ECS shapes → lib/domain types. The only place that knows ECS wire names.
import type {
  Container as SdkContainer,
  Deployment as SdkDeployment,
  Service as SdkService,
  ServiceDeployment as SdkServiceDeployment,
  Task as SdkTask,
} from "@aws-sdk/client-ecs";
import type {
  Deployment,
  RolloutState,
  Service,
  ServiceDeploymentRecord,
  Task,
  TaskContainer,
} from "@/lib/domain/types";
import { clusterName } from "@/lib/domain/arn";
import { mapDeploymentSettings } from "./ecs-deployment-map";

function mapDeployment(d: SdkDeployment): Deployment {
  return {
    id: d.id ?? "",
    status: d.status ?? "",
    taskDefinitionArn: d.taskDefinition ?? "",
    desiredCount: d.desiredCount ?? 0,
    pendingCount: d.pendingCount ?? 0,
    runningCount: d.runningCount ?? 0,
    failedTasks: d.failedTasks ?? 0,
    ...(d.rolloutState && { rolloutState: d.rolloutState as RolloutState }),
    ...(d.rolloutStateReason && { rolloutStateReason: d.rolloutStateReason }),
    ...(d.createdAt && { createdAt: d.createdAt }),
    ...(d.updatedAt && { updatedAt: d.updatedAt }),
  };
}

export function mapService(s: SdkService): Service {
  const clusterArn = s.clusterArn ?? "";
  return {
    arn: s.serviceArn ?? "",
    name: s.serviceName ?? "",
    clusterArn,
    clusterName: clusterName(clusterArn),
    status: s.status ?? "",
    desiredCount: s.desiredCount ?? 0,
    runningCount: s.runningCount ?? 0,
    pendingCount: s.pendingCount ?? 0,
    taskDefinitionArn: s.taskDefinition ?? "",
    deploymentController: s.deploymentController?.type ?? "ECS",
    deploymentSettings: mapDeploymentSettings(s.deploymentConfiguration),
    deployments: (s.deployments ?? []).map(mapDeployment),
    events: (s.events ?? []).map((e) => ({ id: e.id ?? "", createdAt: e.createdAt ?? new Date(0), message: e.message ?? "" })),
    ...(s.createdAt && { createdAt: s.createdAt }),
  };
}

function mapContainer(c: SdkContainer): TaskContainer {
  return {
    name: c.name ?? "",
    ...(c.image && { image: c.image }),
    ...(c.imageDigest && { imageDigest: c.imageDigest }),
    ...(c.lastStatus && { lastStatus: c.lastStatus }),
    ...(c.healthStatus && { healthStatus: c.healthStatus }),
    ...(c.exitCode !== undefined && { exitCode: c.exitCode }),
    ...(c.reason && { reason: c.reason }),
  };
}

export function mapTask(t: SdkTask): Task {
  return {
    arn: t.taskArn ?? "",
    taskDefinitionArn: t.taskDefinitionArn ?? "",
    ...(t.startedBy && { startedBy: t.startedBy }),
    ...(t.group && { group: t.group }),
    lastStatus: t.lastStatus ?? "",
    desiredStatus: t.desiredStatus ?? "",
    ...(t.healthStatus && { healthStatus: t.healthStatus }),
    ...(t.startedAt && { startedAt: t.startedAt }),
    ...(t.stoppedAt && { stoppedAt: t.stoppedAt }),
    ...(t.stopCode && { stopCode: t.stopCode }),
    ...(t.stoppedReason && { stoppedReason: t.stoppedReason }),
    containers: (t.containers ?? []).map(mapContainer),
  };
}

/** Service-revision ARNs are resolved to task definitions by the caller (`revisionTaskDefinitions`). */
export function mapServiceDeployment(d: SdkServiceDeployment, revisionTaskDefinitions: ReadonlyMap<string, string>): ServiceDeploymentRecord {
  const target = d.targetServiceRevision?.arn;
  const targetTaskDefinitionArn = target ? revisionTaskDefinitions.get(target) : undefined;
  const rollbackReason = d.rollback?.reason;
  return {
    arn: d.serviceDeploymentArn ?? "",
    status: d.status ?? "",
    ...(targetTaskDefinitionArn && { targetTaskDefinitionArn }),
    sourceTaskDefinitionArns: (d.sourceServiceRevisions ?? []).flatMap((r) => {
      const td = r.arn ? revisionTaskDefinitions.get(r.arn) : undefined;
      return td ? [td] : [];
    }),
    ...(d.createdAt && { createdAt: d.createdAt }),
    ...(d.startedAt && { startedAt: d.startedAt }),
    ...(d.finishedAt && { finishedAt: d.finishedAt }),
    ...(d.stoppedAt && { stoppedAt: d.stoppedAt }),
    ...(d.statusReason && { statusReason: d.statusReason }),
    ...(rollbackReason && { rollbackReason }),
  };
}
