// The Task shape of DescribeTasks. healthStatus is UNKNOWN unless the revision defines a container
// health check, in which case the sandbox reports HEALTHY once the task counts as healthy (§2.4, §3.3).
import type { Task } from "../types";
import { date } from "./dates";

function healthStatus(task: Task, now: number): string {
  if (!task.deployment.taskDefinition.hasHealthCheck || task.lastStatus !== "RUNNING") return "UNKNOWN";
  return (task.healthyAt ?? Infinity) <= now ? "HEALTHY" : "UNKNOWN";
}

export function renderTask(task: Task, now: number, opts: { tags?: boolean } = {}) {
  const td = task.deployment.taskDefinition;
  const health = healthStatus(task, now);
  return {
    attachments: [],
    attributes: [{ name: "ecs.cpu-architecture", value: "x86_64" }],
    availabilityZone: task.availabilityZone,
    clusterArn: task.cluster.arn,
    connectivity: task.lastStatus === "STOPPED" ? undefined : "CONNECTED",
    connectivityAt: date(task.createdAt),
    containers: task.containers.map((c) => ({
      containerArn: c.arn,
      taskArn: task.arn,
      name: c.name,
      image: c.image,
      imageDigest: c.imageDigest,
      runtimeId: c.runtimeId,
      lastStatus: c.lastStatus,
      exitCode: c.exitCode,
      reason: c.reason,
      networkBindings: [],
      networkInterfaces: [],
      healthStatus: health,
    })),
    cpu: td.cpu,
    memory: td.memory,
    createdAt: date(task.createdAt),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: false,
    executionStoppedAt: date(task.executionStoppedAt),
    group: `service:${task.service.name}`,
    healthStatus: health,
    lastStatus: task.lastStatus,
    launchType: task.deployment.launchType,
    platformVersion: task.deployment.launchType === "FARGATE" ? "1.4.0" : undefined,
    platformFamily: task.deployment.launchType === "FARGATE" ? "Linux" : undefined,
    pullStartedAt: date(task.pullStartedAt),
    pullStoppedAt: date(task.pullStoppedAt),
    startedAt: date(task.startedAt),
    startedBy: task.deployment.id,
    stopCode: task.stopCode,
    stoppedAt: date(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    stoppingAt: date(task.stoppingAt),
    taskArn: task.arn,
    taskDefinitionArn: task.taskDefinitionArn,
    version: task.version,
    overrides: { containerOverrides: task.containers.map((c) => ({ name: c.name })), inferenceAcceleratorOverrides: [] },
    tags: opts.tags ? task.tags.map((t) => ({ ...t })) : undefined,
  };
}
