// One task's lifecycle: PROVISIONING → PENDING → RUNNING, or a start failure at the end of PENDING
// (crashing image, unresolvable image), and the drain DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED.
import type { EcrRegionState } from "../../core/operation";
import { containerArn, taskArn, type ArnScope } from "../arns";
import type { AlarmStates } from "../alarms";
import type { IdSource } from "../ids";
import { taskFate } from "../images";
import { pulledDigest } from "../pull-check";
import type { Deployment, Service, Task } from "../types";
import { reasons } from "./events";
import * as timing from "./timings";

export interface SimContext {
  readonly scope: ArnScope;
  readonly ids: IdSource;
  readonly ecr: EcrRegionState;
  readonly alarms: AlarmStates;
  /** Called once when a task reaches STOPPED (the region keeps it describable for an hour). */
  readonly onStopped: (task: Task) => void;
  /** Something changed: the simulator must look at the service at `now` (it is no longer steady). */
  readonly wake: (service: Service, now: number) => void;
}

export type TaskOutcome = "running" | "failed" | "stopped";

export function launchTask(ctx: SimContext, deployment: Deployment, now: number): Task {
  const cluster = deployment.service.cluster;
  const id = ctx.ids.taskId();
  const task: Task = {
    id,
    arn: taskArn(ctx.scope, cluster.name, id),
    cluster,
    service: deployment.service,
    deployment,
    taskDefinitionArn: deployment.taskDefinition.arn,
    lastStatus: "PROVISIONING",
    desiredStatus: "RUNNING",
    fate: taskFate(ctx.ecr, deployment.images),
    createdAt: now,
    nextAt: now + timing.PROVISIONING_MS,
    availabilityZone: `${ctx.scope.region}${"abc"[parseInt(id.slice(0, 2), 16) % 3]}`,
    containers: deployment.images.map((img) => ({
      arn: containerArn(ctx.scope, cluster.name, id, ctx.ids.uuid()),
      runtimeId: `${id}-${ctx.ids.taskId().slice(0, 10)}`,
      name: img.name,
      image: img.image,
      imageDigest: pulledDigest(ctx.ecr, img),
      lastStatus: "PENDING",
    })),
    version: 1,
    tags: [],
  };
  cluster.tasks.set(id, task);
  deployment.tasks.add(task);
  return task;
}

function failStart(task: Task, at: number): void {
  task.desiredStatus = "STOPPED";
  task.lastStatus = "DEPROVISIONING";
  task.stoppingAt = at;
  task.executionStoppedAt = at;
  task.nextAt = at + timing.DEPROVISIONING_MS;
  if (task.fate === "crash") {
    task.pullStoppedAt = at;
    task.stopCode = "EssentialContainerExited";
    task.stoppedReason = reasons.crashed;
    for (const c of task.containers) Object.assign(c, { lastStatus: "STOPPED", exitCode: 1 });
  } else {
    const image = task.containers.find((c) => c.imageDigest === undefined)?.image ?? "";
    task.stopCode = "TaskFailedToStart";
    task.stoppedReason = reasons.cannotPull(image);
    for (const c of task.containers) Object.assign(c, { lastStatus: "STOPPED", reason: reasons.cannotPull(c.image) });
  }
}

/** Apply one transition due at `task.nextAt`; returns what the scheduler must account for. */
function transition(ctx: SimContext, task: Task, at: number): TaskOutcome | undefined {
  task.version += 1;
  switch (task.lastStatus) {
    case "PROVISIONING":
      task.lastStatus = "PENDING";
      task.pullStartedAt = at;
      task.nextAt = at + timing.PENDING_MS;
      return undefined;
    case "PENDING":
      if (task.fate !== "run") {
        failStart(task, at);
        return "failed";
      }
      task.lastStatus = "RUNNING";
      task.pullStoppedAt = at;
      task.startedAt = at;
      task.healthyAt = at + timing.HEALTHY_AFTER_MS;
      task.nextAt = undefined;
      for (const c of task.containers) c.lastStatus = "RUNNING";
      return "running";
    case "DEACTIVATING":
      task.lastStatus = "STOPPING";
      task.nextAt = at + timing.STOPPING_MS;
      return undefined;
    case "STOPPING":
      task.lastStatus = "DEPROVISIONING";
      task.executionStoppedAt = at;
      task.nextAt = at + timing.DEPROVISIONING_MS;
      for (const c of task.containers) Object.assign(c, { lastStatus: "STOPPED", exitCode: c.exitCode ?? 0 });
      return undefined;
    default:
      task.lastStatus = "STOPPED";
      task.stoppedAt = at;
      task.nextAt = undefined;
      task.deployment.tasks.delete(task);
      ctx.onStopped(task);
      return "stopped";
  }
}

/** Run every transition of `task` due at or before `until`, in time order. */
export function advanceTask(ctx: SimContext, task: Task, until: number): { outcome: TaskOutcome; at: number }[] {
  const outcomes: { outcome: TaskOutcome; at: number }[] = [];
  while (task.nextAt !== undefined && task.nextAt <= until) {
    const at = task.nextAt;
    const outcome = transition(ctx, task, at);
    if (outcome) outcomes.push({ outcome, at });
  }
  return outcomes;
}

/** The scheduler stops a task (replacement or scale-in): stopCode ServiceSchedulerInitiated. */
export function stopTask(task: Task, now: number, reason: string): void {
  if (task.desiredStatus === "STOPPED") return;
  task.desiredStatus = "STOPPED";
  task.stoppingAt = now;
  task.stopCode = "ServiceSchedulerInitiated";
  task.stoppedReason = reason;
  task.version += 1;
  if (task.lastStatus === "RUNNING") {
    task.lastStatus = "DEACTIVATING";
    task.nextAt = now + timing.DEACTIVATING_MS;
    return;
  }
  task.lastStatus = "DEPROVISIONING";
  task.executionStoppedAt = now;
  task.nextAt = now + timing.DEPROVISIONING_MS;
  for (const c of task.containers) c.lastStatus = "STOPPED";
}

export const isLive = (task: Task) => task.desiredStatus === "RUNNING";
export const isHealthy = (task: Task, now: number) =>
  task.desiredStatus === "RUNNING" && task.lastStatus === "RUNNING" && (task.healthyAt ?? Infinity) <= now;
