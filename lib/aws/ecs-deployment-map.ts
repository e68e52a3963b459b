// SDK shapes of ECS deployment configuration and service deployments (aws-behaviour.md §8.1) →
// lib/domain types. Runs per followed deployment, not per row (unlike ecr-map.ts, no need to hand-unroll).
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

/**
 * Copies the `keys` that `source` has into `out`, so an absent AWS member stays absent (never
 * `undefined`); `out` and `source` name these members alike and with the same types.
 */
function copyPresent<K extends string>(out: Partial<Record<K, unknown>>, source: Partial<Record<K, unknown>>, keys: readonly K[]): void {
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined && value !== null && value !== "") out[key] = value;
  }
}

function mapRevision(r: ServiceRevisionSummary): ServiceRevisionCounts {
  const out: ServiceRevisionCounts = { arn: r.arn ?? "" };
  copyPresent(out, r, ["requestedTaskCount", "runningTaskCount", "pendingTaskCount"]);
  return out;
}

/** What a ListServiceDeployments line and a DescribeServiceDeployments entry both identify a deployment by. */
function identity(d: ServiceDeployment | ServiceDeploymentBrief): Pick<ServiceDeploymentSummary, "arn" | "serviceArn" | "clusterArn" | "status"> {
  return { arn: d.serviceDeploymentArn ?? "", serviceArn: d.serviceArn ?? "", clusterArn: d.clusterArn ?? "", status: d.status ?? "" };
}

export function mapServiceDeploymentDetail(d: ServiceDeployment): ServiceDeploymentDetail {
  const out: ServiceDeploymentDetail = { ...identity(d), sourceRevisions: (d.sourceServiceRevisions ?? []).map(mapRevision) };
  copyPresent(out, d, ["statusReason", "lifecycleStage", "createdAt", "startedAt", "finishedAt", "stoppedAt", "updatedAt"]);
  if (d.targetServiceRevision) out.targetRevision = mapRevision(d.targetServiceRevision);
  if (d.deploymentConfiguration) out.deploymentSettings = mapDeploymentSettings(d.deploymentConfiguration);
  if (d.rollback) {
    out.rollback = {};
    copyPresent(out.rollback, d.rollback, ["reason", "startedAt", "serviceRevisionArn"]);
  }
  const breaker = d.deploymentCircuitBreaker;
  if (breaker?.status) {
    out.circuitBreaker = { status: breaker.status };
    copyPresent(out.circuitBreaker, breaker, ["failureCount", "threshold"]);
  }
  if (d.alarms?.status) {
    out.alarms = { status: d.alarms.status, alarmNames: d.alarms.alarmNames ?? [], triggeredAlarmNames: d.alarms.triggeredAlarmNames ?? [] };
  }
  return out;
}

export function mapServiceDeploymentSummary(d: ServiceDeploymentBrief): ServiceDeploymentSummary {
  const out: ServiceDeploymentSummary = identity(d);
  copyPresent(out, d, ["statusReason", "targetServiceRevisionArn", "createdAt", "startedAt", "finishedAt"]);
  return out;
}

export function mapFailure(f: Failure): DescribeFailure {
  const out: DescribeFailure = { arn: f.arn ?? "", reason: f.reason ?? "" };
  copyPresent(out, f, ["detail"]);
  return out;
}
