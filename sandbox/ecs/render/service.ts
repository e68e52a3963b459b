// Service and Deployment shapes as DescribeServices / CreateService / UpdateService return them.
// `deployments` is always present (the SDK's ServicesStable waiter throws without it, §3.6).
import { renderDeploymentConfig } from "../deployment-config";
import { deploymentCounts, revisionSummary } from "../deployments";
import { blueGreenStage } from "../rollout/blue-green";
import type { Deployment, Service } from "../types";
import { date } from "./dates";

export function renderDeployment(d: Deployment) {
  const counts = deploymentCounts(d);
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition.arn,
    desiredCount: d.desiredCount,
    pendingCount: counts.pending,
    runningCount: counts.running,
    failedTasks: d.failedTasks,
    createdAt: date(d.createdAt),
    updatedAt: date(d.updatedAt),
    launchType: d.launchType,
    platformVersion: d.platformVersion,
    platformFamily: d.launchType === "FARGATE" ? "Linux" : undefined,
    networkConfiguration: d.networkConfiguration,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

/**
 * Emulator choice (AWS does not document it): during a blue/green BAKE_TIME, production traffic is on the
 * new revision, so `deployments` lists only the PRIMARY and the counts are its own; the old revision's
 * tasks still run (ListTasks) and `currentServiceRevisions` lists both revisions with their counts.
 */
function listedDeployments(service: Service): Deployment[] {
  const primary = service.deployments[0];
  return primary && blueGreenStage(primary) === "BAKE_TIME" ? [primary] : service.deployments;
}

export function renderService(service: Service, opts: { tags?: boolean } = {}) {
  let running = 0;
  let pending = 0;
  const listed = listedDeployments(service);
  for (const d of listed) {
    const counts = deploymentCounts(d);
    running += counts.running;
    pending += counts.pending;
  }
  const primary = service.deployments[0];
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: service.cluster.arn,
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: running,
    pendingCount: pending,
    launchType: service.launchType,
    platformVersion: service.platformVersion,
    platformFamily: service.launchType === "FARGATE" ? "Linux" : undefined,
    taskDefinition: primary?.taskDefinition.arn,
    deploymentConfiguration: renderDeploymentConfig(service.deploymentConfiguration),
    deployments: listed.map(renderDeployment),
    events: service.events.map((e) => ({ id: e.id, createdAt: new Date(e.createdAt), message: e.message })),
    createdAt: new Date(service.createdAt),
    currentServiceDeployment: primary?.record.arn,
    currentServiceRevisions: service.deployments.map((d) => {
      const { arn, requestedTaskCount, runningTaskCount, pendingTaskCount } = revisionSummary(d);
      return { arn, requestedTaskCount, runningTaskCount, pendingTaskCount };
    }),
    networkConfiguration: service.networkConfiguration,
    schedulingStrategy: service.schedulingStrategy,
    deploymentController: { type: service.deploymentControllerType },
    createdBy: service.createdBy,
    ...service.settings,
    tags: opts.tags ? service.tags.map((t) => ({ ...t })) : undefined,
  };
}
