// Starting a deployment: the new PRIMARY with its images pinned to digests, the old PRIMARY demoted to
// ACTIVE, and the service-deployment record that ListServiceDeployments reports.
import { serviceDeploymentArn, serviceRevisionArn } from "./arns";
import { resolveDeploymentImages } from "./images";
import { enterStage } from "./rollout/blue-green";
import { reasons } from "./rollout/events";
import type { SimContext } from "./rollout/task-lifecycle";
import type { Deployment, Service, TaskDefinitionRecord } from "./types";

export function deploymentCounts(d: Deployment): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const task of d.tasks) {
    if (task.desiredStatus !== "RUNNING") continue;
    if (task.lastStatus === "RUNNING") running += 1;
    else pending += 1;
  }
  return { running, pending };
}

export function revisionSummary(d: Deployment) {
  const counts = deploymentCounts(d);
  return { arn: d.revisionArn, requestedTaskCount: d.desiredCount, runningTaskCount: counts.running, pendingTaskCount: counts.pending };
}

/**
 * Emulator choice: a deployment still being worked on when a newer one replaces it goes STOP_REQUESTED
 * and ends STOPPED once its tasks have drained (rollout/step.ts); a rollback in progress ends STOPPED at once.
 */
function supersede(service: Service, now: number): void {
  for (const d of service.deployments) {
    if (d.status === "PRIMARY") d.status = "ACTIVE";
    d.updatedAt = now;
    const status = d.record.status;
    if (status === "IN_PROGRESS" || status === "PENDING" || status === "ROLLBACK_REQUESTED") {
      Object.assign(d.record, { status: "STOP_REQUESTED", statusReason: reasons.superseded, updatedAt: now, timerAt: undefined });
    } else if (status === "ROLLBACK_IN_PROGRESS") {
      Object.assign(d.record, { status: "STOPPED", statusReason: reasons.superseded, stoppedAt: now, updatedAt: now });
    }
  }
}

export function startDeployment(ctx: SimContext, service: Service, td: TaskDefinitionRecord, now: number): Deployment {
  const number = ctx.ids.deploymentNumber(now);
  const id = `ecs-svc/${number}`;
  const cluster = service.cluster.name;
  const config = service.deploymentConfiguration;
  const deployment: Deployment = {
    id,
    number,
    revisionArn: serviceRevisionArn(ctx.scope, cluster, service.name, number),
    service,
    status: "PRIMARY",
    taskDefinition: td,
    images: resolveDeploymentImages(ctx.scope, ctx.ecr, td),
    desiredCount: service.desiredCount,
    failedTasks: 0,
    hadRunningTask: false,
    consecutiveFailures: 0,
    nextLaunchAt: now,
    rolloutState: "IN_PROGRESS",
    rolloutStateReason: reasons.inProgress(id),
    createdAt: now,
    updatedAt: now,
    launchType: service.launchType,
    platformVersion: service.platformVersion,
    networkConfiguration: service.networkConfiguration,
    revisionSettings: {
      capacityProviderStrategy: service.settings.capacityProviderStrategy,
      loadBalancers: service.settings.loadBalancers,
      serviceRegistries: service.settings.serviceRegistries,
    },
    tasks: new Set(),
    record: {
      arn: serviceDeploymentArn(ctx.scope, cluster, service.name, ctx.ids.serviceDeploymentId()),
      // PENDING until the scheduler first looks at the deployment (rollout/step.ts).
      status: "PENDING",
      startedAt: now,
      updatedAt: now,
      sources: [...service.deployments],
      deploymentConfiguration: config,
      breakerStatus: config.deploymentCircuitBreaker.enable ? "MONITORING" : "DISABLED",
      alarmStatus: config.alarms.enable ? "MONITORING" : "DISABLED",
      triggeredAlarmNames: [],
    },
  };
  if (config.strategy === "BLUE_GREEN") enterStage(deployment.record, "RECONCILE_SERVICE", now);
  supersede(service, now);
  service.deployments.unshift(deployment);
  service.history.push(deployment);
  ctx.wake(service, now);
  return deployment;
}
