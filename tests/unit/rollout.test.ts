// Deployment snapshots follow the §3 state machine of aws-behaviour.md, with its real rolloutStateReason texts.
import { describe, expect, it } from "vitest";
import { classifyRollout, type RolloutKind } from "@/lib/domain/rollout";
import { rollbackStatement } from "@/lib/domain/rollback-statement";
import type { Deployment, Service, ServiceDeploymentRecord, ServiceEvent } from "@/lib/domain/types";

const NOW = new Date("2026-11-25T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const TD = "arn:aws:ecs:ap-south-1:123456789012:task-definition/web";
const OLD = "ecs-svc/1111111111111111111";
const NEW = "ecs-svc/2222222222222222222";

function deployment(id: string, over: Partial<Deployment>): Deployment {
  return {
    id,
    status: "PRIMARY",
    taskDefinitionArn: `${TD}:${id === OLD ? 7 : 8}`,
    desiredCount: 3,
    pendingCount: 0,
    runningCount: 3,
    failedTasks: 0,
    rolloutState: "COMPLETED",
    rolloutStateReason: `ECS deployment ${id} completed.`,
    createdAt: minutesAgo(id === OLD ? 600 : 5),
    updatedAt: minutesAgo(1),
    ...over,
  };
}

function service(deployments: Deployment[], events: string[] = [], over: Partial<Service> = {}): Service {
  return {
    arn: "arn:aws:ecs:ap-south-1:123456789012:service/production/web",
    name: "web",
    clusterArn: "arn:aws:ecs:ap-south-1:123456789012:cluster/production",
    clusterName: "production",
    status: "ACTIVE",
    desiredCount: 3,
    runningCount: deployments.reduce((n, d) => n + d.runningCount, 0),
    pendingCount: deployments.reduce((n, d) => n + d.pendingCount, 0),
    taskDefinitionArn: deployments.find((d) => d.status === "PRIMARY")?.taskDefinitionArn ?? `${TD}:7`,
    deploymentController: "ECS",
    deploymentSettings: { minimumHealthyPercent: 100, maximumPercent: 200, circuitBreaker: { enable: true, rollback: true } },
    deployments,
    events: events.map((message, i): ServiceEvent => ({ id: `e${i}`, createdAt: minutesAgo(i), message })),
    ...over,
  };
}

const inProgress = (over: Partial<Deployment> = {}) =>
  deployment(NEW, { rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment ${NEW} in progress.`, runningCount: 1, pendingCount: 2, ...over });
const drainingOld = (over: Partial<Deployment> = {}) => deployment(OLD, { status: "ACTIVE", runningCount: 2, ...over });

const cases: Array<{ name: string; service: Service; kind: RolloutKind; label: string; detail?: RegExp; stuckAfterMs?: number }> = [
  { name: "a single COMPLETED PRIMARY", service: service([deployment(OLD, {})]), kind: "stable", label: "Stable" },
  {
    name: "a new PRIMARY rolling out next to the old deployment",
    service: service([inProgress(), drainingOld()]),
    kind: "in-progress",
    label: "Deploying 1/3",
    detail: /in progress\.$/,
  },
  {
    name: "a new PRIMARY with no task yet (right after UpdateService)",
    service: service([inProgress({ runningCount: 0, pendingCount: 0, createdAt: minutesAgo(0) }), drainingOld({ runningCount: 3 })]),
    kind: "in-progress",
    label: "Deploying 0/3",
  },
  {
    name: "IN_PROGRESS for longer than stuckAfterMs",
    service: service([inProgress({ createdAt: minutesAgo(45) }), drainingOld()]),
    kind: "stuck",
    label: "Stuck",
    detail: /In progress for 45 min/,
  },
  {
    name: "IN_PROGRESS past a custom threshold",
    service: service([inProgress({ createdAt: minutesAgo(11) }), drainingOld()]),
    stuckAfterMs: 10 * 60_000,
    kind: "stuck",
    label: "Stuck",
  },
  {
    name: "tasks failing to start with none running (breaker off: loops forever)",
    service: service([inProgress({ runningCount: 0, pendingCount: 1, failedTasks: 4 }), drainingOld({ runningCount: 3 })], [], {
      deploymentSettings: { circuitBreaker: { enable: false, rollback: false } },
    }),
    kind: "stuck",
    label: "Stuck",
    detail: /4 tasks failed to start; none running/,
  },
  {
    name: "one failed task but another one running (failedTasks is no longer evaluated)",
    service: service([inProgress({ runningCount: 1, failedTasks: 1 }), drainingOld()]),
    kind: "in-progress",
    label: "Deploying 1/3",
  },
  {
    name: "the breaker tripped without rollback: the PRIMARY stays FAILED",
    service: service(
      [deployment(NEW, { rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.", runningCount: 0 }), drainingOld({ runningCount: 3 })],
      [`(service web) (deployment ${NEW}) deployment failed: tasks failed to start.`],
      { deploymentSettings: { circuitBreaker: { enable: true, rollback: false } } },
    ),
    kind: "failed",
    label: "Failed",
    detail: /tasks failed to start/,
  },
  {
    name: "rollback under way: the old deployment is PRIMARY again with the breaker's reason",
    service: service(
      [
        deployment(OLD, { rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`, runningCount: 2 }),
        deployment(NEW, { status: "ACTIVE", rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.", runningCount: 0 }),
      ],
      [`(service web) rolling back to deployment ${OLD}.`, `(service web) (deployment ${NEW}) deployment failed: tasks failed to start.`],
    ),
    kind: "rolled-back",
    label: "Rolling back",
    detail: new RegExp(`rolled back to ${OLD}: ECS deployment circuit breaker: tasks failed to start\\.`),
  },
  {
    name: "rollback under way, seen only through the FAILED deployment newer than the PRIMARY",
    service: service([
      deployment(OLD, { rolloutState: "IN_PROGRESS", rolloutStateReason: undefined, runningCount: 2 }),
      deployment(NEW, { status: "ACTIVE", rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.", runningCount: 0 }),
    ]),
    kind: "rolled-back",
    label: "Rolling back",
  },
  {
    name: "rollback finished: a single COMPLETED PRIMARY that the rollback event names",
    service: service(
      [deployment(OLD, { rolloutStateReason: `ECS deployment ${OLD} completed.` })],
      [
        "(service web) has reached a steady state.",
        `(service web) (deployment ${OLD}) deployment completed.`,
        `(service web) rolling back to deployment ${OLD}.`,
        `(service web) (deployment ${NEW}) deployment failed: tasks failed to start.`,
      ],
    ),
    kind: "rolled-back",
    label: "Rolled back",
    detail: new RegExp(`rolled back to ${OLD}\\.`),
  },
  {
    name: "a newer deployment after an old rollback is stable again",
    service: service(
      [deployment("ecs-svc/3333333333333333333", {})],
      ["(service web) has reached a steady state.", `(service web) rolling back to deployment ${OLD}.`],
    ),
    kind: "stable",
    label: "Stable",
  },
  {
    name: "a new deployment replacing an older FAILED one (not a rollback)",
    service: service([inProgress(), deployment(OLD, { status: "ACTIVE", rolloutState: "FAILED", runningCount: 0 })]),
    kind: "in-progress",
    label: "Deploying 1/3",
  },
  {
    name: "CODE_DEPLOY without rolloutState, settled",
    service: service([deployment(OLD, { rolloutState: undefined, rolloutStateReason: undefined })], [], { deploymentController: "CODE_DEPLOY" }),
    kind: "stable",
    label: "Stable",
  },
  {
    name: "no rolloutState and two deployments",
    service: service([inProgress({ rolloutState: undefined, rolloutStateReason: undefined }), drainingOld()]),
    kind: "in-progress",
    label: "Deploying 1/3",
  },
  { name: "no PRIMARY deployment at all", service: service([]), kind: "stable", label: "No deployment" },
];

describe("classifyRollout", () => {
  it.each(cases)("$name → $kind", ({ service: svc, kind, label, detail, stuckAfterMs }) => {
    const result = classifyRollout(svc, { now: NOW, ...(stuckAfterMs !== undefined && { stuckAfterMs }) });
    expect(result.kind).toBe(kind);
    expect(result.label).toBe(label);
    if (detail) expect(result.detail).toMatch(detail);
  });

  it("reports the PRIMARY, when it started and its own counts", () => {
    const primary = inProgress({ createdAt: minutesAgo(3) });
    const result = classifyRollout(service([drainingOld(), primary]), { now: NOW });
    expect(result.primary).toBe(primary);
    expect(result.startedAt).toEqual(minutesAgo(3));
    expect(result.progress).toEqual({ desired: 3, running: 1, pending: 2 });
  });

  it("falls back to the service counts without a PRIMARY", () => {
    const result = classifyRollout(service([], [], { desiredCount: 0, runningCount: 0, pendingCount: 0 }), { now: NOW });
    expect(result.progress).toEqual({ desired: 0, running: 0, pending: 0 });
    expect(result.primary).toBeUndefined();
    expect(result.startedAt).toBeUndefined();
  });
});

describe("who rolled back", () => {
  const rolledBack = (primaryReason: string, failedReason: string) =>
    service([
      deployment(OLD, { rolloutState: "IN_PROGRESS", rolloutStateReason: primaryReason, runningCount: 2 }),
      deployment(NEW, { status: "ACTIVE", rolloutState: "FAILED", rolloutStateReason: failedReason, runningCount: 3 }),
    ]);
  it.each([
    ["circuit breaker", `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`, "ECS deployment circuit breaker: tasks failed to start.", "circuit-breaker", /^The circuit breaker rolled back/],
    ["deployment alarms", `ECS deployment alarms: rolling back to deploymentId ${OLD}.`, "ECS deployment alarms: web-5xx in ALARM state.", "alarm", /^Deployment alarms rolled back/],
    ["StopServiceDeployment", `ECS deployment stopped: rolling back to deploymentId ${OLD}.`, `ECS deployment ${NEW} stopped by StopServiceDeployment.`, "stop", /^The deployment was stopped \(StopServiceDeployment\)/],
    ["an unknown reason", `rolling back to deploymentId ${OLD}.`, "something else", "ecs", /^ECS rolled back/],
  ])("%s", (_name, primaryReason, failedReason, cause, detail) => {
    const result = classifyRollout(rolledBack(primaryReason, failedReason), { now: NOW });
    expect(result.rollback).toEqual({ cause, fromDeploymentId: NEW });
    expect(result.detail).toMatch(detail);
  });
});

describe("rollbackStatement", () => {
  const SD = "arn:aws:ecs:ap-south-1:123456789012:service-deployment/production/web";
  const record = (arn: string, status: string, statusReason: string, rollbackReason: string | undefined, hour: number): ServiceDeploymentRecord => ({
    arn,
    status,
    statusReason,
    ...(rollbackReason && { rollbackReason }),
    targetTaskDefinitionArn: `${TD}:8`,
    sourceTaskDefinitionArns: [`${TD}:7`],
    createdAt: new Date(Date.UTC(2026, 10, 25, hour)),
  });
  const stoppedRecord = record(`${SD}/stopped`, "ROLLBACK_SUCCESSFUL", "Rollback requested by StopServiceDeployment.", `ECS deployment stopped: rolling back to deploymentId ${OLD}.`, 11);
  const breakerRecord = record(`${SD}/breaker`, "ROLLBACK_SUCCESSFUL", "ECS deployment circuit breaker: tasks failed to start.", `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`, 11);
  const olderStop = record(`${SD}/old-stop`, "ROLLBACK_SUCCESSFUL", "Rollback requested by StopServiceDeployment.", undefined, 3);
  const ours = { serviceDeploymentArn: `${SD}/stopped`, actor: "Dana Deployer", role: "deployer", reason: "errors after the switch" };

  // Both deployments still listed, and after the rollback ended (only the restored one left, named by the event).
  const during = classifyRollout(
    service([
      deployment(OLD, { rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment stopped: rolling back to deploymentId ${OLD}.`, runningCount: 2 }),
      deployment(NEW, { status: "ACTIVE", rolloutState: "FAILED", rolloutStateReason: `ECS deployment ${NEW} stopped by StopServiceDeployment.`, runningCount: 3 }),
    ]),
    { now: NOW },
  );
  const after = classifyRollout(
    service([deployment(OLD, {})], [`(service web) (deployment ${OLD}) deployment completed.`, `(service web) rolling back to deployment ${OLD}.`]),
    { now: NOW },
  );

  it.each([
    ["during: our stop names who sent it", during, [ours], [stoppedRecord, olderStop], /^Stopped by Dana Deployer \(deployer\) with "Stop and roll back": errors after the switch\. ECS rolled back to ecs-svc\/1+\.$/],
    ["after: our stop, found through ECS's history", after, [ours], [olderStop, stoppedRecord], /^Stopped by Dana Deployer/],
    ["after: a stop of another service deployment is not this one", after, [{ ...ours, serviceDeploymentArn: `${SD}/old-stop` }], [stoppedRecord, olderStop], /^Stopped outside Steady State \(StopServiceDeployment/],
    ["during: no stop of ours, no history", during, [], [], /^Stopped outside Steady State/],
    ["after: the circuit breaker, from ECS's history", after, [ours], [breakerRecord], /^The circuit breaker rolled back to ecs-svc\/1+\.$/],
    ["after: nothing to say who", after, [ours], [], /^ECS rolled back to ecs-svc\/1+\.$/],
  ])("%s", (_name, rollout, stops, history, expected) => {
    expect(rollbackStatement(rollout, stops, history)).toMatch(expected);
  });

  it("leaves a circuit-breaker rollback's detail as it is", () => {
    const breaker = classifyRollout(
      service([
        deployment(OLD, { rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.`, runningCount: 2 }),
        deployment(NEW, { status: "ACTIVE", rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.", runningCount: 0 }),
      ]),
      { now: NOW },
    );
    expect(rollbackStatement(breaker, [ours], [stoppedRecord])).toBe(breaker.detail);
  });

  it("says nothing new about a rollout that is not a rollback", () => {
    const stable = classifyRollout(service([deployment(OLD, {})]), { now: NOW });
    expect(rollbackStatement(stable, [ours], [stoppedRecord])).toBe(stable.detail);
  });
});
