// One simulation step of one service at sim time `now`: task transitions due by then, breaker
// accounting, the scheduler, drained deployments dropping off, completion, steady state, and the time
// at which the service next needs a step (undefined when nothing will change on its own).
import type { Deployment, Service } from "../types";
import { bakedEnough, checkAlarms } from "./alarm-watch";
import { advanceStages } from "./blue-green";
import { recordRunning, recordStartFailure } from "./circuit-breaker";
import { addEvent, messages, reasons } from "./events";
import { canLaunch, schedule } from "./pacing";
import { startRequestedRollback } from "./stop";
import { advanceTask, isHealthy, isLive, type SimContext } from "./task-lifecycle";

function advanceTasks(ctx: SimContext, service: Service, now: number): void {
  for (const d of [...service.deployments]) {
    for (const task of [...d.tasks]) {
      for (const { outcome, at } of advanceTask(ctx, task, now)) {
        if (outcome === "running") recordRunning(d, at);
        else if (outcome === "failed") recordStartFailure(ctx, d, at);
      }
    }
  }
}

function dropDrained(service: Service, now: number): void {
  service.deployments = service.deployments.filter((d) => {
    if (d.status === "PRIMARY" || d.tasks.size > 0) return true;
    d.status = "INACTIVE";
    d.updatedAt = now;
    if (d.record.status === "STOP_REQUESTED") Object.assign(d.record, { status: "STOPPED", stoppedAt: now, updatedAt: now });
    return false;
  });
}

/** Every PRIMARY task live, RUNNING and healthy, no other deployment left and nothing draining. */
function settled(service: Service, primary: Deployment, now: number): boolean {
  if (service.deployments.length !== 1 || primary.tasks.size !== service.desiredCount) return false;
  for (const task of primary.tasks) if (!isHealthy(task, now)) return false;
  return true;
}

function complete(ctx: SimContext, service: Service, primary: Deployment, now: number): void {
  primary.rolloutState = "COMPLETED";
  primary.rolloutStateReason = reasons.completed(primary.id);
  primary.updatedAt = now;
  const record = primary.record;
  if (record.status === "IN_PROGRESS") {
    Object.assign(record, { status: "SUCCESSFUL", finishedAt: now, updatedAt: now, timerAt: undefined });
    if (record.breakerStatus === "MONITORING") record.breakerStatus = "MONITORING_COMPLETE";
    if (record.alarmStatus === "MONITORING") record.alarmStatus = "MONITORING_COMPLETE";
  }
  for (const d of service.history) {
    if (d.record.status === "ROLLBACK_IN_PROGRESS" && d.record.rollback?.serviceRevisionArn === primary.revisionArn) {
      Object.assign(d.record, { status: "ROLLBACK_SUCCESSFUL", finishedAt: now, updatedAt: now });
    }
  }
  addEvent(ctx.ids, service, now, messages.completed(service.name, primary.id));
}

function nextWake(service: Service, primary: Deployment, now: number): number | undefined {
  let wake = Infinity;
  for (const d of service.deployments) {
    for (const task of d.tasks) {
      if (task.nextAt !== undefined) wake = Math.min(wake, task.nextAt);
      if (isLive(task) && task.healthyAt !== undefined && task.healthyAt > now) wake = Math.min(wake, task.healthyAt);
    }
  }
  if (primary.record.timerAt !== undefined && primary.record.timerAt > now) wake = Math.min(wake, primary.record.timerAt);
  const wantsTasks = [...primary.tasks].filter(isLive).length < service.desiredCount;
  if (wantsTasks && primary.rolloutState !== "FAILED" && !canLaunch(primary, now)) wake = Math.min(wake, primary.nextLaunchAt);
  return wake === Infinity ? undefined : wake;
}

/** The PRIMARY's own record moving on: PENDING → IN_PROGRESS, a requested stop, alarms, blue/green stages. */
function advanceRecord(ctx: SimContext, service: Service, now: number): void {
  const primary = service.deployments[0];
  if (!primary || primary.status !== "PRIMARY") return;
  if (primary.record.status === "PENDING") Object.assign(primary.record, { status: "IN_PROGRESS", updatedAt: now });
  startRequestedRollback(ctx, primary, now);
  if (!checkAlarms(ctx, primary, now)) advanceStages(primary, now);
}

/** Settled is not yet done while a blue/green deployment is before CLEAN_UP, or a ROLLING one bakes for its alarms. */
function mayComplete(primary: Deployment, now: number): boolean {
  const record = primary.record;
  if (record.status === "ROLLBACK_REQUESTED") return false;
  if (record.status === "IN_PROGRESS" && record.lifecycleStage !== undefined) return record.lifecycleStage === "CLEAN_UP";
  return bakedEnough(primary, now);
}

export function stepService(ctx: SimContext, service: Service, now: number): void {
  advanceTasks(ctx, service, now);
  advanceRecord(ctx, service, now);
  schedule(ctx, service, now);
  dropDrained(service, now);
  const primary = service.deployments[0];
  if (service.status === "DRAINING" && service.deployments.every((d) => d.tasks.size === 0)) service.status = "INACTIVE";
  if (!primary || service.status === "INACTIVE") {
    service.wakeAt = undefined;
    return;
  }
  const done = settled(service, primary, now);
  if (done && primary.rolloutState === "IN_PROGRESS" && mayComplete(primary, now)) complete(ctx, service, primary, now);
  if (done && primary.rolloutState === "COMPLETED" && !service.steady) {
    service.steady = true;
    addEvent(ctx.ids, service, now, messages.steady(service.name));
  }
  service.wakeAt = service.steady ? undefined : nextWake(service, primary, now);
}
