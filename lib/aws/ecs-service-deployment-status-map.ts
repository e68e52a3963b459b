// SDK ServiceDeployment → the members the follower's outcome classifier reads (lib/domain/outcome-types.ts).
import type { ServiceDeployment as SdkServiceDeployment } from "@aws-sdk/client-ecs";
import type { ServiceDeploymentStatus } from "@/lib/domain/outcome-types";

export function mapServiceDeploymentStatus(d: SdkServiceDeployment): ServiceDeploymentStatus {
  const out: ServiceDeploymentStatus = { arn: d.serviceDeploymentArn ?? "", status: d.status ?? "" };
  if (d.statusReason) out.statusReason = d.statusReason;
  if (d.lifecycleStage) out.lifecycleStage = d.lifecycleStage;
  if (d.rollback) out.rollback = { reason: d.rollback.reason, serviceRevisionArn: d.rollback.serviceRevisionArn };
  const breaker = d.deploymentCircuitBreaker;
  if (breaker) out.circuitBreaker = { status: breaker.status, failureCount: breaker.failureCount, threshold: breaker.threshold };
  if (d.alarms) out.alarms = { status: d.alarms.status, triggeredAlarmNames: d.alarms.triggeredAlarmNames ?? [] };
  return out;
}
