// Where our own deployment stands, from its service-deployment record (§8.1) and the service (§3):
// "running", or a final outcome with a human reason. The traps it avoids (§3.6, §8.3, §8.6): a
// circuit-breaker rollback looks stable but is rolled_back; a rolling deployment in its alarm bake
// time, or a blue/green one in BAKE_TIME, looks stable but is still running; a newer PRIMARY that is
// not ours means someone else deployed. Without the service-deployments API, see outcome-fallback.ts.
import { classifyFromService } from "./outcome-fallback";
import type { Classification, FollowedOperation, OutcomeInput, ServiceDeploymentStatus } from "./outcome-types";
import { formatDuration } from "./format";
import { primaryOf } from "./rollout";
import type { Deployment } from "./types";

export type * from "./outcome-types";

const RUNNING_STATUSES: Record<string, string> = {
  PENDING: "ECS has not started the deployment yet",
  IN_PROGRESS: "rolling out",
  STOP_REQUESTED: "stop requested; ECS is stopping it",
  ROLLBACK_REQUESTED: "rollback requested",
  ROLLBACK_IN_PROGRESS: "rolling back",
};

function isOurs(d: Deployment, op: FollowedOperation): boolean {
  return d.id === op.deploymentId;
}

function breakerTripped(sd: ServiceDeploymentStatus): boolean {
  return sd.circuitBreaker?.status === "TRIGGERED";
}

function alarmsTriggered(sd: ServiceDeploymentStatus): string[] | undefined {
  const names = sd.alarms?.triggeredAlarmNames ?? [];
  return names.length > 0 || sd.alarms?.status === "TRIGGERED" ? names : undefined;
}

function final(status: Exclude<Classification["status"], "running">, reason: string, sd: ServiceDeploymentStatus): Classification {
  const ecsReason = sd.statusReason ?? sd.rollback?.reason;
  return ecsReason ? { status, reason, ecsReason, fallback: false } : { status, reason, fallback: false };
}

function rolledBack(input: OutcomeInput, sd: ServiceDeploymentStatus): Classification {
  const why = sd.statusReason ? `: ${sd.statusReason}` : ".";
  if (input.operation.stopRequested) return final("stopped", `Stopped and rolled back on our request${why}`, sd);
  if (breakerTripped(sd)) return final("rolled_back", `The circuit breaker rolled it back${why}`, sd);
  const alarms = alarmsTriggered(sd);
  if (alarms) return final("rolled_back", `Alarm ${alarms.join(", ") || "(unnamed)"} rolled it back${why}`, sd);
  return final("stopped", `Stopped and rolled back outside Steady State (console, CLI or CI)${why}`, sd);
}

function succeededOrWaiting(input: OutcomeInput, sd: ServiceDeploymentStatus): Classification {
  const { service, operation } = input;
  const primary = primaryOf(service);
  if (primary && !isOurs(primary, operation) && primary.taskDefinitionArn !== operation.targetTaskDefinitionArn) {
    return final("superseded", `Our deployment finished, but ${primary.id} (not ours) is the service's PRIMARY now: someone else deployed.`, sd);
  }
  if (primary && primary.runningCount === service.desiredCount && service.deployments.length === 1) {
    return final("succeeded", `ECS reports the deployment SUCCESSFUL, and ${primary.runningCount}/${service.desiredCount} tasks of it run.`, sd);
  }
  const counts = primary ? `${primary.runningCount}/${service.desiredCount}` : `?/${service.desiredCount}`;
  return { status: "running", detail: `ECS reports SUCCESSFUL; waiting for the service to show it alone at running = desired (${counts}).`, fallback: false };
}

function inFlight(input: OutcomeInput, sd: ServiceDeploymentStatus): Classification {
  const primary = primaryOf(input.service);
  const newer = primary && !isOurs(primary, input.operation) && primary.createdAt !== undefined && primary.createdAt > input.operation.startedAt;
  if (newer && sd.status !== "ROLLBACK_IN_PROGRESS" && sd.status !== "ROLLBACK_REQUESTED") {
    return final("superseded", `${primary.id}, a newer deployment not started by this operation, replaced ours.`, sd);
  }
  const stage = sd.lifecycleStage ? ` (stage ${sd.lifecycleStage}${sd.lifecycleStage === "BAKE_TIME" ? ": both revisions stay up until bake time ends" : ""})` : "";
  const looksStable = primary && isOurs(primary, input.operation) && input.service.deployments.length === 1 && primary.runningCount === input.service.desiredCount;
  const note = sd.status === "IN_PROGRESS" && looksStable ? "; the service looks stable, but ECS has not finished this deployment (alarm or bake time)" : "";
  return { status: "running", detail: `${RUNNING_STATUSES[sd.status] ?? `ECS reports ${sd.status}`}${stage}${note}.`, fallback: false };
}

function classifyDeployment(input: OutcomeInput, sd: ServiceDeploymentStatus): Classification {
  switch (sd.status) {
    case "SUCCESSFUL":
      return succeededOrWaiting(input, sd);
    case "ROLLBACK_SUCCESSFUL":
      return rolledBack(input, sd);
    case "ROLLBACK_FAILED":
      return final("failed", `The deployment failed and so did its rollback${sd.statusReason ? `: ${sd.statusReason}` : "."}`, sd);
    case "STOPPED":
      if (input.operation.stopRequested) return final("stopped", "Stopped on our request.", sd);
      if (breakerTripped(sd) || alarmsTriggered(sd)) return final("failed", `The deployment failed and was not rolled back${sd.statusReason ? `: ${sd.statusReason}` : "."}`, sd);
      return final("superseded", `ECS stopped it for a newer deployment${sd.statusReason ? `: ${sd.statusReason}` : "."}`, sd);
    default:
      return inFlight(input, sd);
  }
}

/** The operation's state now; `timed_out` once it has run past `timeoutMs` without an outcome (never reverted). */
export function classifyOutcome(input: OutcomeInput): Classification {
  const sd = input.serviceDeployment;
  const result = sd === "unavailable" ? classifyFromService(input) : classifyDeployment(input, sd);
  const elapsed = input.now.getTime() - input.operation.startedAt.getTime();
  if (result.status !== "running" || elapsed <= input.timeoutMs) return result;
  return {
    status: "timed_out",
    reason: `No outcome after ${formatDuration(elapsed)} (${result.detail.replace(/\.$/, "")}). Nothing was reverted; check the service.`,
    fallback: result.fallback,
  };
}
