// The rolling-update scheduler (aws-behaviour.md §3.3). With D = desiredCount:
//   minHealthy = ceil(D × minimumHealthyPercent / 100), maxTotal = floor(D × maximumPercent / 100).
// Each step it starts PRIMARY tasks while live (PENDING + RUNNING) tasks stay within maxTotal, stops old
// tasks while healthy RUNNING tasks stay at or above minHealthy, then starts again into the room freed:
// D=4 min 50 % stops 2 before starting 2; D=4 max 200 % starts 4 before stopping 4.
// A BLUE_GREEN deployment instead starts its full count beside the old tasks from SCALE_UP on, and
// stops every old task in CLEAN_UP (rollout/blue-green.ts).
import type { Deployment, Service, Task } from "../types";
import { blueGreenStage } from "./blue-green";
import { addEvent, messages, reasons } from "./events";
import { isHealthy, isLive, launchTask, stopTask, type SimContext } from "./task-lifecycle";

function liveTasks(d: Deployment): Task[] {
  return [...d.tasks].filter(isLive);
}

/** Tasks that are not yet RUNNING go first, newest first: stopping them costs no healthy capacity. */
function stopOrder(tasks: Task[], now: number): Task[] {
  return [...tasks].sort((a, b) => Number(isHealthy(a, now)) - Number(isHealthy(b, now)) || b.createdAt - a.createdAt);
}

export function canLaunch(primary: Deployment, now: number): boolean {
  return primary.rolloutState !== "FAILED" && primary.nextLaunchAt <= now;
}

export function schedule(ctx: SimContext, service: Service, now: number): void {
  const primary = service.deployments[0];
  // A requested stop holds the service as it is until its rollback starts (rollout/stop.ts).
  if (!primary || primary.status !== "PRIMARY" || primary.record.status === "ROLLBACK_REQUESTED") return;
  const desired = service.desiredCount;
  const config = service.deploymentConfiguration;
  const minHealthy = Math.ceil((desired * config.minimumHealthyPercent) / 100);
  const maxTotal = Math.floor((desired * config.maximumPercent) / 100);
  const started: Task[] = [];
  const stopped: Task[] = [];
  const stop = (task: Task, reasonOf: Deployment) => {
    stopTask(task, now, reasons.scaling(reasonOf.id));
    if (task.lastStatus === "DEACTIVATING") stopped.push(task);
  };
  const totalLive = () => service.deployments.reduce((n, d) => n + liveTasks(d).length, 0);
  const stage = blueGreenStage(primary);
  const launch = () => {
    if (!canLaunch(primary, now) || stage === "RECONCILE_SERVICE" || stage === "PRE_SCALE_UP") return;
    const want = desired - liveTasks(primary).length;
    const room = stage === undefined ? Math.min(want, maxTotal - totalLive()) : want;
    for (let i = 0; i < room; i++) started.push(launchTask(ctx, primary, now));
  };

  // Scale-in of the PRIMARY itself (desiredCount lowered), without waiting for any deployment.
  const primaryLive = liveTasks(primary);
  for (const task of stopOrder(primaryLive, now).slice(0, Math.max(0, primaryLive.length - desired))) stop(task, primary);

  launch();
  if (stage === "CLEAN_UP") {
    for (const old of service.deployments.slice(1)) for (const task of liveTasks(old)) stop(task, primary);
  } else if (stage === undefined && primary.rolloutState !== "FAILED") {
    let healthy = service.deployments.reduce((n, d) => n + [...d.tasks].filter((t) => isHealthy(t, now)).length, 0);
    for (const old of service.deployments.slice(1)) {
      for (const task of stopOrder(liveTasks(old), now)) {
        const wasHealthy = isHealthy(task, now);
        if (wasHealthy && healthy - 1 < minHealthy) break;
        stop(task, primary);
        if (wasHealthy) healthy -= 1;
      }
    }
    launch();
  }

  for (const d of service.deployments) {
    if (d !== primary) d.desiredCount = liveTasks(d).length;
  }
  primary.desiredCount = desired;
  if (started.length > 0) addEvent(ctx.ids, service, now, messages.started(service.name, started));
  if (stopped.length > 0) addEvent(ctx.ids, service, now, messages.stopped(service.name, stopped));
}
