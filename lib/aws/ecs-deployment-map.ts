// SDK shapes of ECS deployment configuration and service deployments (aws-behaviour.md §8.1) →
// lib/domain types. Runs per followed deployment, not per row, so it reads plainly.
import type {
  DeploymentConfiguration,
  Failure,
  ServiceDeployment,
  ServiceDeploymentBrief,
  ServiceRevisionSummary,
} from "@aws-sdk/client-ecs";
import type {
  DeploymentSettings,
  DescribeFailure,
  ServiceDeploymentDetail,
  ServiceDeploymentSummary,
  ServiceRevisionCounts,
} from "@/lib/domain/types";

export function mapDeploymentSettings(dc: DeploymentConfiguration | undefined): DeploymentSettings {
  const settings: DeploymentSettings = {};
  if (!dc) return settings;
  if (dc.minimumHealthyPercent !== undefined) settings.minimumHealthyPercent = dc.minimumHealthyPercent;
  if (dc.maximumPercent !== undefined) settings.maximumPercent = dc.maximumPercent;
  const breaker = dc.deploymentCircuitBreaker;
  if (breaker) settings.circuitBreaker = { enable: breaker.enable ?? false, rollback: breaker.rollback ?? false };
  if (dc.strategy) settings.strategy = dc.strategy;
  if (dc.bakeTimeInMinutes !== undefined) settings.bakeTimeInMinutes = dc.bakeTimeInMinutes;
  if (dc.alarms) {
    settings.alarms = { alarmNames: dc.alarms.alarmNames ?? [], enable: dc.alarms.enable ?? false, rollback: dc.alarms.rollback ?? false };
  }
  return settings;
}

function mapRevision(r: ServiceRevisionSummary): ServiceRevisionCounts {
  const out: ServiceRevisionCounts = { arn: r.arn ?? "" };
  if (r.requestedTaskCount !== undefined) out.requestedTaskCount = r.requestedTaskCount;
  if (r.runningTaskCount !== undefined) out.runningTaskCount = r.runningTaskCount;
  if (r.pendingTaskCount !== undefined) out.pendingTaskCount = r.pendingTaskCount;
  return out;
}

export function mapServiceDeploymentDetail(d: ServiceDeployment): ServiceDeploymentDetail {
  const out: ServiceDeploymentDetail = {
    arn: d.serviceDeploymentArn ?? "",
    serviceArn: d.serviceArn ?? "",
    clusterArn: d.clusterArn ?? "",
    status: d.status ?? "",
    sourceRevisions: (d.sourceServiceRevisions ?? []).map(mapRevision),
  };
  if (d.statusReason) out.statusReason = d.statusReason;
  if (d.lifecycleStage) out.lifecycleStage = d.lifecycleStage;
  for (const key of ["createdAt", "startedAt", "finishedAt", "stoppedAt", "updatedAt"] as const) {
    const value = d[key];
    if (value) out[key] = value;
  }
  if (d.targetServiceRevision) out.targetRevision = mapRevision(d.targetServiceRevision);
  if (d.deploymentConfiguration) out.deploymentSettings = mapDeploymentSettings(d.deploymentConfiguration);
  if (d.rollback) {
    out.rollback = {};
    if (d.rollback.reason) out.rollback.reason = d.rollback.reason;
    if (d.rollback.startedAt) out.rollback.startedAt = d.rollback.startedAt;
    if (d.rollback.serviceRevisionArn) out.rollback.serviceRevisionArn = d.rollback.serviceRevisionArn;
  }
  const breaker = d.deploymentCircuitBreaker;
  if (breaker?.status) {
    out.circuitBreaker = { status: breaker.status };
    if (breaker.failureCount !== undefined) out.circuitBreaker.failureCount = breaker.failureCount;
    if (breaker.threshold !== undefined) out.circuitBreaker.threshold = breaker.threshold;
  }
  if (d.alarms?.status) {
    out.alarms = { status: d.alarms.status, alarmNames: d.alarms.alarmNames ?? [], triggeredAlarmNames: d.alarms.triggeredAlarmNames ?? [] };
  }
  return out;
}

export function mapServiceDeploymentSummary(d: ServiceDeploymentBrief): ServiceDeploymentSummary {
  const out: ServiceDeploymentSummary = {
    arn: d.serviceDeploymentArn ?? "",
    serviceArn: d.serviceArn ?? "",
    clusterArn: d.clusterArn ?? "",
    status: d.status ?? "",
  };
  if (d.statusReason) out.statusReason = d.statusReason;
  if (d.targetServiceRevisionArn) out.targetServiceRevisionArn = d.targetServiceRevisionArn;
  if (d.createdAt) out.createdAt = d.createdAt;
  if (d.startedAt) out.startedAt = d.startedAt;
  if (d.finishedAt) out.finishedAt = d.finishedAt;
  return out;
}

export function mapFailure(f: Failure): DescribeFailure {
  const out: DescribeFailure = { arn: f.arn ?? "", reason: f.reason ?? "" };
  if (f.detail) out.detail = f.detail;
  return out;
}
