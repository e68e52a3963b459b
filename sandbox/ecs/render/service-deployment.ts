// ServiceDeploymentBrief (ListServiceDeployments) and ServiceDeployment (DescribeServiceDeployments).
import { renderDeploymentConfig } from "../deployment-config";
import { revisionSummary } from "../deployments";
import { breakerThreshold } from "../breaker-config";
import type { Deployment } from "../types";
import { date } from "./dates";

export function renderServiceDeploymentBrief(d: Deployment) {
  return {
    serviceDeploymentArn: d.record.arn,
    serviceArn: d.service.arn,
    clusterArn: d.service.cluster.arn,
    startedAt: date(d.record.startedAt),
    createdAt: date(d.createdAt),
    finishedAt: date(d.record.finishedAt),
    targetServiceRevisionArn: d.revisionArn,
    status: d.record.status,
    statusReason: d.record.statusReason,
  };
}

export function renderServiceDeployment(d: Deployment) {
  const r = d.record;
  return {
    serviceDeploymentArn: r.arn,
    serviceArn: d.service.arn,
    clusterArn: d.service.cluster.arn,
    createdAt: date(d.createdAt),
    startedAt: date(r.startedAt),
    finishedAt: date(r.finishedAt),
    stoppedAt: date(r.stoppedAt),
    updatedAt: date(r.updatedAt),
    sourceServiceRevisions: r.sources.map(revisionSummary),
    targetServiceRevision: revisionSummary(d),
    status: r.status,
    statusReason: r.statusReason,
    deploymentConfiguration: renderDeploymentConfig(r.deploymentConfiguration),
    lifecycleStage: r.lifecycleStage,
    rollback: r.rollback && { reason: r.rollback.reason, startedAt: new Date(r.rollback.startedAt), serviceRevisionArn: r.rollback.serviceRevisionArn },
    deploymentCircuitBreaker: {
      status: r.breakerStatus,
      failureCount: d.failedTasks,
      threshold: breakerThreshold(d.service.deploymentConfiguration.deploymentCircuitBreaker, d.service.desiredCount),
    },
    alarms: {
      status: r.alarmStatus,
      alarmNames: [...r.deploymentConfiguration.alarms.alarmNames],
      triggeredAlarmNames: [...r.triggeredAlarmNames],
    },
  };
}
