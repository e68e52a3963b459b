// What the service page says about a rollback, naming who caused it. The service's own deployments only
// keep "rolling back to …" once a rollback is over, so the cause is read from ECS's service-deployment
// history: the newest rolled-back deployment and its reasons. A stop is attributed to the person who
// sent it when one of our stop operations stopped that very service deployment; otherwise it came from
// outside the dashboard (the console, the CLI).
import { rollbackCause, type RollbackCause, type RolloutSummary } from "./rollout";
import type { ServiceDeploymentRecord } from "./types";

export interface StopRecord {
  /** The service deployment the stop was sent for. */
  serviceDeploymentArn: string | null;
  actor: string;
  role: string;
  reason: string;
}

const ROLLED_BACK = new Set(["ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"]);
const WHO: Record<Exclude<RollbackCause, "stop">, string> = {
  "circuit-breaker": "The circuit breaker rolled back",
  alarm: "Deployment alarms rolled back",
  ecs: "ECS rolled back",
};

const createdAt = (d: ServiceDeploymentRecord) => d.createdAt?.getTime() ?? 0;

/** The newest service deployment ECS rolled back from, if the history lists one. */
function rolledBackDeployment(history: readonly ServiceDeploymentRecord[]): ServiceDeploymentRecord | undefined {
  return history.filter((d) => ROLLED_BACK.has(d.status)).sort((a, b) => createdAt(b) - createdAt(a))[0];
}

/** The rollout's detail with who caused the rollback: a stop's sender, or what ECS says rolled it back. */
export function rollbackStatement(rollout: RolloutSummary, stops: readonly StopRecord[], history: readonly ServiceDeploymentRecord[]): string | undefined {
  if (rollout.kind !== "rolled-back") return rollout.detail;
  const record = rolledBackDeployment(history);
  const fromHistory = record ? rollbackCause(record.rollbackReason, record.statusReason) : "ecs";
  const cause = rollout.rollback?.cause && rollout.rollback.cause !== "ecs" ? rollout.rollback.cause : fromHistory;
  const to = rollout.primary ? ` to ${rollout.primary.id}` : "";
  if (cause !== "stop") return cause === rollout.rollback?.cause ? rollout.detail : `${WHO[cause]}${to}.`;
  const stop = record ? stops.find((s) => s.serviceDeploymentArn === record.arn) : undefined;
  if (stop) return `Stopped by ${stop.actor} (${stop.role}) with "Stop and roll back": ${stop.reason}. ECS rolled back${to}.`;
  return `Stopped outside Steady State (StopServiceDeployment, e.g. from the console or the CLI); ECS rolled back${to}.`;
}
