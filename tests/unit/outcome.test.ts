// Follower snapshots (§3.2, §8.1, §8.3) and the outcome each one means, traps first.
import { describe, expect, it } from "vitest";
import { classifyOutcome, type Classification, type FollowedOperation, type ServiceDeploymentStatus } from "@/lib/domain/outcome";
import type { Deployment, Service } from "@/lib/domain/types";
import { tdArn } from "./fixtures/task-definition";

const START = new Date("2026-11-25T12:00:00Z");
const at = (s: number) => new Date(START.getTime() + s * 1000);
const OLD = "ecs-svc/1000000000000000001";
const OURS = "ecs-svc/2000000000000000002";
const THEIRS = "ecs-svc/3000000000000000003";
const TARGET = tdArn("my-api", 10);
const op: FollowedOperation = { deploymentId: OURS, serviceDeploymentArn: "arn:sd/ours", targetTaskDefinitionArn: TARGET, startedAt: START, stopRequested: false };

function dep(id: string, over: Partial<Deployment> = {}): Deployment {
  const base = { [OLD]: { td: tdArn("my-api", 9), created: -3600 }, [OURS]: { td: TARGET, created: 0 }, [THEIRS]: { td: tdArn("my-api", 11), created: 60 } }[id] ?? { td: TARGET, created: 0 };
  return { id, status: "PRIMARY", taskDefinitionArn: base.td, desiredCount: 4, pendingCount: 0, runningCount: 4, failedTasks: 0, rolloutState: "COMPLETED", createdAt: at(base.created), ...over };
}
function svc(deployments: Deployment[]): Service {
  const primary = deployments.find((d) => d.status === "PRIMARY");
  return {
    arn: "arn:aws:ecs:ap-south-1:123456789012:service/production/my-api",
    name: "my-api",
    clusterArn: "arn:aws:ecs:ap-south-1:123456789012:cluster/production",
    clusterName: "production",
    status: "ACTIVE",
    desiredCount: 4,
    runningCount: deployments.reduce((n, d) => n + d.runningCount, 0),
    pendingCount: 0,
    taskDefinitionArn: primary?.taskDefinitionArn ?? "",
    deploymentController: "ECS",
    deploymentSettings: {},
    deployments,
    events: [],
  };
}
const sd = (status: string, over: Partial<ServiceDeploymentStatus> = {}): ServiceDeploymentStatus => ({ arn: "arn:sd/ours", status, ...over });
const stableOnOld = svc([dep(OLD)]);
const stableOnOurs = svc([dep(OURS)]);
const rollingOut = svc([dep(OURS, { rolloutState: "IN_PROGRESS", runningCount: 2 }), dep(OLD, { status: "ACTIVE", runningCount: 2 })]);
const BREAKER = "ECS deployment circuit breaker: tasks failed to start.";

interface Case {
  name: string;
  deployment: ServiceDeploymentStatus | "unavailable";
  service: Service;
  operation?: Partial<FollowedOperation>;
  elapsedS?: number;
  expected: Classification["status"];
  text: RegExp;
  fallback?: boolean;
}

const cases: Case[] = [
  // Traps: each looks like success to a "stable" check.
  { name: "a breaker rollback looks stable but is rolled_back", deployment: sd("ROLLBACK_SUCCESSFUL", { statusReason: BREAKER, circuitBreaker: { status: "TRIGGERED" } }), service: stableOnOld, expected: "rolled_back", text: /circuit breaker rolled it back: ECS deployment circuit breaker/ },
  { name: "alarm bake time looks stable but is still running", deployment: sd("IN_PROGRESS", { alarms: { status: "MONITORING", alarmNames: ["worker-errors"], triggeredAlarmNames: [] } }), service: stableOnOurs, expected: "running", text: /looks stable, but ECS has not finished this deployment/ },
  { name: "blue/green in BAKE_TIME is running", deployment: sd("IN_PROGRESS", { lifecycleStage: "BAKE_TIME" }), service: svc([dep(OURS), dep(OLD, { status: "ACTIVE" })]), expected: "running", text: /stage BAKE_TIME: both revisions stay up until bake time ends/ },
  { name: "a newer PRIMARY that is not ours is superseded", deployment: sd("IN_PROGRESS"), service: svc([dep(THEIRS, { rolloutState: "IN_PROGRESS", runningCount: 0 }), dep(OURS, { status: "ACTIVE" })]), expected: "superseded", text: /ecs-svc\/3000000000000000003, a newer deployment not started by this operation/ },
  // The plain paths.
  { name: "SUCCESSFUL and alone at running = desired", deployment: sd("SUCCESSFUL"), service: stableOnOurs, expected: "succeeded", text: /SUCCESSFUL, and 4\/4 tasks of it run/ },
  { name: "SUCCESSFUL before DescribeServices catches up", deployment: sd("SUCCESSFUL"), service: rollingOut, expected: "running", text: /waiting for the service .* \(2\/4\)/ },
  { name: "SUCCESSFUL but someone deployed after", deployment: sd("SUCCESSFUL"), service: svc([dep(THEIRS)]), expected: "superseded", text: /not ours\) is the service's PRIMARY now/ },
  { name: "rolling out", deployment: sd("IN_PROGRESS"), service: rollingOut, expected: "running", text: /^rolling out\.$/ },
  { name: "pending", deployment: sd("PENDING"), service: stableOnOld, expected: "running", text: /not started the deployment yet/ },
  { name: "a breaker rollback under way", deployment: sd("ROLLBACK_IN_PROGRESS", { circuitBreaker: { status: "TRIGGERED" } }), service: svc([dep(OLD, { rolloutState: "IN_PROGRESS" }), dep(OURS, { status: "ACTIVE", rolloutState: "FAILED" })]), expected: "running", text: /rolling back/ },
  { name: "an alarm rollback", deployment: sd("ROLLBACK_SUCCESSFUL", { alarms: { status: "TRIGGERED", alarmNames: ["my-api-5xx"], triggeredAlarmNames: ["my-api-5xx"] } }), service: stableOnOld, expected: "rolled_back", text: /Alarm my-api-5xx rolled it back/ },
  { name: "our stop, rolled back", deployment: sd("ROLLBACK_SUCCESSFUL", { statusReason: "Stopped by user request." }), operation: { stopRequested: true }, service: stableOnOld, expected: "stopped", text: /on our request: Stopped by user request/ },
  { name: "someone else's stop", deployment: sd("ROLLBACK_SUCCESSFUL"), service: stableOnOld, expected: "stopped", text: /outside Steady State/ },
  { name: "a failed rollback", deployment: sd("ROLLBACK_FAILED", { statusReason: BREAKER }), service: stableOnOld, expected: "failed", text: /failed and so did its rollback/ },
  { name: "a breaker without rollback", deployment: sd("STOPPED", { statusReason: BREAKER, circuitBreaker: { status: "TRIGGERED" } }), service: svc([dep(OURS, { rolloutState: "FAILED", runningCount: 0 })]), expected: "failed", text: /failed and was not rolled back/ },
  { name: "stopped for a newer deployment", deployment: sd("STOPPED", { statusReason: "Superseded by a newer service deployment." }), service: svc([dep(THEIRS)]), expected: "superseded", text: /stopped it for a newer deployment/ },
  { name: "still running past the timeout", deployment: sd("IN_PROGRESS"), service: rollingOut, elapsedS: 31 * 60, expected: "timed_out", text: /No outcome after 31 min \(rolling out\)\. Nothing was reverted/ },
  { name: "a final outcome is kept past the timeout", deployment: sd("SUCCESSFUL"), service: stableOnOurs, elapsedS: 40 * 60, expected: "succeeded", text: /SUCCESSFUL/ },
  // From DescribeServices alone (§3.2).
  { name: "fallback: COMPLETED and alone", deployment: "unavailable", service: stableOnOurs, expected: "succeeded", text: /COMPLETED, alone, at 4\/4 running \(from DescribeServices/, fallback: true },
  { name: "fallback: rolling out", deployment: "unavailable", service: rollingOut, expected: "running", text: /Deploying 2\/4/, fallback: true },
  { name: "fallback: breaker rollback finished looks stable but is rolled_back", deployment: "unavailable", service: svc([dep(OLD, { rolloutStateReason: `ECS deployment ${OLD} completed.` })]), expected: "rolled_back", text: /ECS rolled it back to ecs-svc\/1000000000000000001/, fallback: true },
  { name: "fallback: rollback under way", deployment: "unavailable", service: svc([dep(OLD, { rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${OLD}.` }), dep(OURS, { status: "ACTIVE", rolloutState: "FAILED" })]), expected: "running", text: /Rolling back to/, fallback: true },
  { name: "fallback: our stop finished", deployment: "unavailable", operation: { stopRequested: true }, service: stableOnOld, expected: "stopped", text: /on our request/, fallback: true },
  { name: "fallback: breaker without rollback", deployment: "unavailable", service: svc([dep(OURS, { rolloutState: "FAILED", rolloutStateReason: BREAKER, runningCount: 0 })]), expected: "failed", text: /tasks failed to start/, fallback: true },
  { name: "fallback: a newer PRIMARY not ours", deployment: "unavailable", service: svc([dep(THEIRS, { rolloutState: "IN_PROGRESS" }), dep(OURS, { status: "ACTIVE" })]), expected: "superseded", text: /newer deployment/, fallback: true },
  { name: "fallback: timed out", deployment: "unavailable", service: rollingOut, elapsedS: 3600, expected: "timed_out", text: /No outcome after 1 h/, fallback: true },
];

describe("classifyOutcome", () => {
  it.each(cases)("$name", ({ deployment, service, operation, elapsedS, expected, text, fallback }) => {
    const result = classifyOutcome({ operation: { ...op, ...operation }, serviceDeployment: deployment, service, now: at(elapsedS ?? 90), timeoutMs: 30 * 60_000 });
    expect(result.status).toBe(expected);
    expect(result.status === "running" ? result.detail : result.reason).toMatch(text);
    expect(result.fallback).toBe(fallback ?? false);
  });

  it("keeps ECS's own reason next to ours", () => {
    const result = classifyOutcome({ operation: op, serviceDeployment: sd("ROLLBACK_SUCCESSFUL", { statusReason: BREAKER, circuitBreaker: { status: "TRIGGERED" } }), service: stableOnOld, now: at(60), timeoutMs: 60_000 });
    expect(result).toMatchObject({ status: "rolled_back", ecsReason: BREAKER });
  });
});
