// BLUE_GREEN without a load balancer (§8.3): the lifecycle stages follow each other in time. The green
// revision scales up to the full desired count beside blue; the traffic-shift stages are fixed pauses;
// both revisions stay up for bakeTimeInMinutes; CLEAN_UP stops blue and the deployment then succeeds.
import type { Deployment, LifecycleStage, ServiceDeploymentRecord } from "../types";
import { isHealthy, isLive } from "./task-lifecycle";

/** Emulator choice: each stage without work of its own (hooks, traffic shifts) lasts 5 sandbox seconds. */
export const TIMED_STAGE_MS = 5_000;

const ORDER: readonly LifecycleStage[] = [
  "RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
  "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP",
];

/** How long a stage lasts once entered; undefined for the stages that end when their work is done. */
function stageLength(record: ServiceDeploymentRecord, stage: LifecycleStage): number | undefined {
  if (stage === "SCALE_UP" || stage === "CLEAN_UP") return undefined;
  if (stage === "BAKE_TIME") return (record.deploymentConfiguration.bakeTimeInMinutes ?? 0) * 60_000;
  return TIMED_STAGE_MS;
}

export function enterStage(record: ServiceDeploymentRecord, stage: LifecycleStage, at: number): void {
  record.lifecycleStage = stage;
  const length = stageLength(record, stage);
  record.timerAt = length === undefined ? undefined : at + length;
  record.updatedAt = at;
}

/** A blue/green deployment the scheduler must pace by stage (not yet finished, stopped or rolled back). */
export function blueGreenStage(d: Deployment): LifecycleStage | undefined {
  const status = d.record.status;
  return status === "PENDING" || status === "IN_PROGRESS" ? d.record.lifecycleStage : undefined;
}

function greenReady(d: Deployment, now: number): boolean {
  let healthy = 0;
  for (const task of d.tasks) if (isLive(task) && isHealthy(task, now)) healthy += 1;
  return healthy >= d.desiredCount;
}

/** Walk every stage that has ended by `now`, each entered at the time the previous one ended. */
export function advanceStages(d: Deployment, now: number): void {
  const record = d.record;
  for (;;) {
    const stage = blueGreenStage(d);
    if (stage === undefined || stage === "CLEAN_UP") return;
    const next = ORDER[ORDER.indexOf(stage) + 1] ?? "CLEAN_UP";
    if (stage === "SCALE_UP") {
      if (!greenReady(d, now)) return;
      enterStage(record, next, now);
    } else if (record.timerAt !== undefined && record.timerAt <= now) {
      enterStage(record, next, record.timerAt);
    } else {
      return;
    }
  }
}
