// What an operation's page shows while it runs and keeps when it ends: per revision running / pending /
// desired, the lifecycle stage and bake time left, the service's latest events, and at the end the stop
// reasons of failed tasks. Plain JSON, because the store keeps it as given and the API returns it as is.
import { taskDefinitionLabel } from "@/lib/domain/arn";
import { bakeTimeLeftMs, ecsClockOffsetMs } from "@/lib/domain/ecs-clock";
import type { Classification } from "@/lib/domain/outcome";
import type { Service, ServiceDeploymentDetail } from "@/lib/domain/types";

const EVENTS_KEPT = 10;

export interface Progress {
  at: string;
  detail: string;
  fallback: boolean;
  status?: string;
  stage?: string;
  /** Blue/green bake time left as of `at`, on ECS's clock (lib/domain/bake-time.ts), while in BAKE_TIME. */
  bakeLeftMs?: number;
  service: { desired: number; running: number; pending: number };
  deployments: { id: string; status: string; revision: string; desired: number; running: number; pending: number; rolloutState?: string }[];
  events: { at: string; message: string }[];
}

/**
 * `since` is when the operation started on our clock; `ownDeployment` says the followed deployment is the
 * one the operation created (not so for a stop), so its createdAt measures ECS's clock against ours.
 */
export function progressOf(now: Date, service: Service, sd: ServiceDeploymentDetail | undefined, result: Classification, since: Date, ownDeployment: boolean): Progress {
  const ecsOffsetMs = ownDeployment ? ecsClockOffsetMs(sd?.createdAt, since) : 0;
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
    // Events since the operation started (newest first), so an old incident's messages are not mistaken for
    // this one's; their times put on our clock, the one the page's "started" and steps use.
    events: service.events
      .map((e) => ({ at: e.createdAt.getTime() - ecsOffsetMs, message: e.message }))
      .filter((e) => e.at >= since.getTime() - 1000)
      .slice(0, EVENTS_KEPT)
      .map((e) => ({ at: new Date(e.at).toISOString(), message: e.message })),
  };
  if (sd) progress.status = sd.status;
  if (sd?.lifecycleStage) progress.stage = sd.lifecycleStage;
  const bakeLeft = bakeTimeLeftMs({
    status: sd?.status,
    lifecycleStage: sd?.lifecycleStage,
    bakeTimeInMinutes: service.deploymentSettings.bakeTimeInMinutes,
    stageEnteredAt: sd?.updatedAt,
    ecsOffsetMs,
    now,
  });
  if (bakeLeft !== undefined) progress.bakeLeftMs = bakeLeft;
  return progress;
}
