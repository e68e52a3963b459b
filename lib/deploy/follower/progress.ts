// What an operation's page shows while it runs and keeps when it ends: per revision running / pending /
// desired, the lifecycle stage and bake time left, the service's latest events, and at the end the stop
// reasons of failed tasks. Plain JSON, because the store keeps it as given and the API returns it as is.
import { arnResourceTail, taskDefinitionLabel } from "@/lib/domain/arn";
import type { Classification } from "@/lib/domain/outcome";
import type { Service, ServiceDeploymentDetail, Task } from "@/lib/domain/types";

const EVENTS_KEPT = 10;

export interface Progress {
  at: string;
  detail: string;
  fallback: boolean;
  status?: string;
  stage?: string;
  /** When the blue/green bake time ends, while in BAKE_TIME. */
  bakeEndsAt?: string;
  service: { desired: number; running: number; pending: number };
  deployments: { id: string; status: string; revision: string; desired: number; running: number; pending: number; rolloutState?: string }[];
  events: { at: string; message: string }[];
}

function bakeEndsAt(service: Service, sd: ServiceDeploymentDetail | undefined): string | undefined {
  const minutes = service.deploymentSettings.bakeTimeInMinutes;
  if (sd?.lifecycleStage !== "BAKE_TIME" || minutes === undefined || !sd.updatedAt) return undefined;
  return new Date(sd.updatedAt.getTime() + minutes * 60_000).toISOString();
}

export function progressOf(now: Date, service: Service, sd: ServiceDeploymentDetail | undefined, result: Classification, since: Date): Progress {
  const progress: Progress = {
    at: now.toISOString(),
    detail: result.status === "running" ? result.detail : result.reason,
    fallback: result.fallback,
    service: { desired: service.desiredCount, running: service.runningCount, pending: service.pendingCount },
    deployments: service.deployments.map((d) => ({
      id: d.id,
      status: d.status,
      revision: taskDefinitionLabel(d.taskDefinitionArn),
      desired: d.desiredCount,
      running: d.runningCount,
      pending: d.pendingCount,
      ...(d.rolloutState && { rolloutState: d.rolloutState }),
    })),
    // Events since the operation started (newest first), so an old incident's messages are not mistaken for this one's.
    events: service.events
      .filter((e) => e.createdAt.getTime() >= since.getTime() - 1000)
      .slice(0, EVENTS_KEPT)
      .map((e) => ({ at: e.createdAt.toISOString(), message: e.message })),
  };
  if (sd) progress.status = sd.status;
  if (sd?.lifecycleStage) progress.stage = sd.lifecycleStage;
  const bake = bakeEndsAt(service, sd);
  if (bake) progress.bakeEndsAt = bake;
  return progress;
}

/** Why tasks stopped, for an outcome that is not a success: one line per distinct reason. */
export function stoppedReasons(tasks: readonly Task[]): { task: string; revision: string; reason: string; at?: string }[] {
  const seen = new Set<string>();
  const out: { task: string; revision: string; reason: string; at?: string }[] = [];
  for (const t of tasks) {
    const container = t.containers.find((c) => c.reason || c.exitCode !== undefined);
    const reason = [t.stoppedReason, container?.reason, container?.exitCode !== undefined ? `exit code ${container.exitCode}` : undefined].filter(Boolean).join(" — ");
    if (!reason || seen.has(reason)) continue;
    seen.add(reason);
    out.push({ task: arnResourceTail(t.arn), revision: taskDefinitionLabel(t.taskDefinitionArn), reason, ...(t.stoppedAt && { at: t.stoppedAt.toISOString() }) });
  }
  return out;
}
