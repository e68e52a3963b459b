// Service events with the real message formats (aws-behaviour.md §3.5): newest first, at most 100,
// and an event identical to the newest one is not added again.
import type { IdSource } from "../ids";
import type { Service, Task } from "../types";

const MAX_EVENTS = 100;

export function addEvent(ids: IdSource, service: Service, now: number, message: string): void {
  if (service.events[0]?.message === message) return;
  service.events.unshift({ id: ids.uuid(), createdAt: now, message });
  if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
}

const taskList = (tasks: Task[]) => tasks.map((t) => `(task ${t.id})`).join(" ");

export const messages = {
  started: (svc: string, tasks: Task[]) => `(service ${svc}) has started ${tasks.length} tasks: ${taskList(tasks)}.`,
  stopped: (svc: string, tasks: Task[]) => `(service ${svc}) has stopped ${tasks.length} running tasks: ${taskList(tasks)}.`,
  completed: (svc: string, id: string) => `(service ${svc}) (deployment ${id}) deployment completed.`,
  steady: (svc: string) => `(service ${svc}) has reached a steady state.`,
  failed: (svc: string, id: string) => `(service ${svc}) (deployment ${id}) deployment failed: tasks failed to start.`,
  alarmFailed: (svc: string, id: string) => `(service ${svc}) (deployment ${id}) deployment failed: alarm detected.`,
  rollingBack: (svc: string, id: string) => `(service ${svc}) rolling back to deployment ${id}.`,
  throttled: (svc: string) =>
    `(service ${svc}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
};

export const reasons = {
  inProgress: (id: string) => `ECS deployment ${id} in progress.`,
  completed: (id: string) => `ECS deployment ${id} completed.`,
  breakerFailed: "ECS deployment circuit breaker: tasks failed to start.",
  rollingBack: (id: string) => `ECS deployment circuit breaker: rolling back to deploymentId ${id}.`,
  // The texts below are the sandbox's own: AWS documents no wording for alarm failures and stops.
  alarmFailed: (names: string[]) => `ECS deployment alarms: ${names.join(", ")} in ALARM state.`,
  alarmRollingBack: (id: string) => `ECS deployment alarms: rolling back to deploymentId ${id}.`,
  stopped: (id: string) => `ECS deployment ${id} stopped by StopServiceDeployment.`,
  stopRequested: "Rollback requested by StopServiceDeployment.",
  stopRollingBack: (id: string) => `ECS deployment stopped: rolling back to deploymentId ${id}.`,
  nothingToRollBackTo: "No completed service revision to roll back to.",
  superseded: "Superseded by a newer service deployment.",
  scaling: (id: string) => `Scaling activity initiated by (deployment ${id})`,
  crashed: "Essential container in task exited",
  cannotPull: (image: string) =>
    `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${image}: ${image}: not found`,
};
