// What the service page says about a rollback, naming who caused it. ECS's own reasons tell a circuit
// breaker from alarms and from a StopServiceDeployment; for a stop, our operations say who sent it
// (or that it came from outside the dashboard, e.g. the console or the CLI).
import type { RolloutSummary } from "./rollout";

export interface StopRecord {
  /** The ECS deployment id the stop was sent for (the operation's ECS deployment). */
  deploymentId: string | null;
  actor: string;
  role: string;
  reason: string;
}

/** The rollout's detail, with a stop attributed to the person who stopped it when one of `stops` matches. */
export function rollbackStatement(rollout: RolloutSummary, stops: readonly StopRecord[]): string | undefined {
  if (rollout.kind !== "rolled-back" || rollout.rollback?.cause !== "stop") return rollout.detail;
  const to = rollout.primary ? ` to ${rollout.primary.id}` : "";
  const from = rollout.rollback.fromDeploymentId;
  const stop = from ? stops.find((s) => s.deploymentId === from) : undefined;
  if (!stop) return `Stopped outside Steady State (StopServiceDeployment, e.g. from the console or the CLI); ECS rolled back${to}.`;
  return `Stopped by ${stop.actor} (${stop.role}) with "Stop and roll back": ${stop.reason}. ECS rolled back${to}.`;
}
