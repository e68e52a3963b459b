// One follower tick for the operations of one environment (one account and region): one batched
// DescribeServiceDeployments for up to 20 operations per call, one DescribeServices per 10 services of a
// cluster, then each operation's own deployment classified (lib/domain/outcome). Where the
// service-deployments API is refused (older accounts, tight IAM), operations are classified from
// DescribeServices alone (§3.2) and say so.
import {
  describeServiceDeployments,
  describeServicesFresh,
  findServiceDeploymentArn,
  stoppedTasksOfService,
  type EnvScope,
} from "@/lib/aws";
import type { AppConfig } from "@/lib/config";
import { failedTaskReasons } from "@/lib/domain/failed-tasks";
import { classifyOutcome, type Classification } from "@/lib/domain/outcome";
import type { Service, ServiceDeploymentDetail } from "@/lib/domain/types";
import { AwsAccessDeniedError, AwsUnavailableError, NotFoundError } from "@/lib/errors";
import { updateOperation, type Operation, type Store } from "@/lib/store";
import { stepsOf } from "../audit-trail";
import { finishOperation } from "../finish-operation";
import { fromVersion } from "../version";
import { progressOf } from "./progress";

// How long after UpdateService an operation without a service-deployment ARN keeps looking for one
// before it settles for DescribeServices alone.
const ARN_LOOKUP_WINDOW_MS = 30_000;
// A verb registers and calls UpdateService within seconds; an operation still without ECS's deployment id
// after this long lost its server mid-change.
const ABANDONED_AFTER_MS = 120_000;

export interface EnvironmentTick {
  scope: EnvScope;
  store: Store;
  /** For the outcome's notifications. */
  config: Pick<AppConfig, "notifications">;
  owner: string;
  now: Date;
  timeoutMs: number;
}

export interface TickResult {
  throttled: boolean;
  finished: string[];
}

function targetArnOf(op: Operation): string {
  // A stop follows the deployment it stopped (the "from" side); a rollback or deploy its own target.
  const version = fromVersion(op.action === "stop" ? op.from : op.to);
  return version?.taskDefinitionArn ?? "";
}

async function lookUpMissingArns(t: EnvironmentTick, ops: Operation[]): Promise<Operation[]> {
  return Promise.all(
    ops.map(async (op) => {
      const age = t.now.getTime() - (op.startedAt ?? op.createdAt).getTime();
      if (op.serviceDeploymentArn || !op.ecsDeploymentId || age > ARN_LOOKUP_WINDOW_MS) return op;
      const arn = await findServiceDeploymentArn(t.scope, { cluster: op.cluster, service: op.service, deploymentCreatedAt: op.startedAt ?? op.createdAt }).catch(() => undefined);
      if (!arn) return op;
      return (await updateOperation(t.store.db, op.id, { serviceDeploymentArn: arn, followMode: "service-deployments" }, { now: t.now, guard: { status: "running", leaseOwner: t.owner } })) ?? op;
    }),
  );
}

async function readDeployments(t: EnvironmentTick, ops: Operation[]): Promise<Map<string, ServiceDeploymentDetail> | "unavailable"> {
  const arns = ops.flatMap((op) => (op.serviceDeploymentArn ? [op.serviceDeploymentArn] : []));
  if (arns.length === 0) return new Map();
  try {
    const { deployments } = await describeServiceDeployments(t.scope, arns);
    return new Map(deployments.map((d) => [d.arn, d]));
  } catch (error) {
    if (error instanceof AwsAccessDeniedError) return "unavailable";
    throw error;
  }
}

async function readServices(t: EnvironmentTick, ops: Operation[]): Promise<Map<string, Service>> {
  const byCluster = new Map<string, string[]>();
  for (const op of ops) byCluster.set(op.cluster, [...(byCluster.get(op.cluster) ?? []), op.service]);
  const out = new Map<string, Service>();
  await Promise.all(
    [...byCluster].map(async ([cluster, names]) => {
      // A cluster deleted under a followed operation leaves its services out (they end `failed`); it must
      // not stop the environment's other operations from being followed.
      const found = await describeServicesFresh(t.scope, cluster, names).catch((error: unknown) => {
        if (error instanceof NotFoundError) return new Map<string, Service>();
        throw error;
      });
      for (const [name, service] of found) out.set(`${cluster}/${name}`, service);
    }),
  );
  return out;
}

async function outcomeDetail(t: EnvironmentTick, op: Operation, result: Exclude<Classification, { status: "running" }>) {
  const tasks = result.status === "succeeded" ? [] : await stoppedTasksOfService(t.scope, op.cluster, op.service).catch(() => []);
  return { ecsReason: result.ecsReason, fallback: result.fallback, stoppedTasks: failedTaskReasons(tasks) };
}

async function followOne(t: EnvironmentTick, op: Operation, sd: ServiceDeploymentDetail | "unavailable", service: Service | undefined): Promise<boolean> {
  if (!service || service.status !== "ACTIVE") {
    const state = service ? `is ${service.status} (being deleted)` : "no longer exists";
    await finishOperation(t, op, { status: "failed", reason: `The service ${op.cluster}/${op.service} ${state}.` }, t.now, t.owner);
    return true;
  }
  const since = op.startedAt ?? op.createdAt;
  const result = classifyOutcome({
    operation: {
      deploymentId: op.ecsDeploymentId ?? "",
      ...(op.serviceDeploymentArn && { serviceDeploymentArn: op.serviceDeploymentArn }),
      targetTaskDefinitionArn: targetArnOf(op),
      startedAt: since,
      stopRequested: stepsOf(op).some((s) => s.name === "stop"),
    },
    serviceDeployment: sd,
    service,
    now: t.now,
    timeoutMs: t.timeoutMs,
  });
  const progress = progressOf(t.now, service, sd === "unavailable" ? undefined : sd, result, since, op.action !== "stop");
  if (result.status === "running") {
    await updateOperation(t.store.db, op.id, { progress, ...(result.fallback && op.followMode !== "describe-services" && { followMode: "describe-services" }) }, { now: t.now, guard: { status: "running", leaseOwner: t.owner } });
    return false;
  }
  const detail = await outcomeDetail(t, op, result);
  const ecsFinishedAt = sd === "unavailable" ? undefined : (sd.finishedAt ?? sd.stoppedAt);
  await finishOperation(t, op, { status: result.status, reason: result.reason, detail, progress, ...(ecsFinishedAt && { ecsFinishedAt }) }, t.now, t.owner);
  return true;
}

export async function followEnvironment(t: EnvironmentTick, operations: Operation[]): Promise<TickResult> {
  try {
    const ops = await lookUpMissingArns(t, operations);
    const [deployments, services] = await Promise.all([readDeployments(t, ops), readServices(t, ops)]);
    const finished: string[] = [];
    for (const op of ops) {
      const sd = deployments === "unavailable" || !op.serviceDeploymentArn ? "unavailable" : (deployments.get(op.serviceDeploymentArn) ?? "unavailable");
      if (!op.ecsDeploymentId && op.action !== "stop") {
        // UpdateService has not answered yet, or the server that called it died before recording the answer.
        if (t.now.getTime() - op.createdAt.getTime() < ABANDONED_AFTER_MS) continue;
        const reason = "The dashboard stopped before ECS confirmed the change; check the service's deployments (the change may or may not have been made).";
        await finishOperation(t, op, { status: "failed", reason }, t.now, t.owner);
        finished.push(op.id);
        continue;
      }
      if (await followOne(t, op, sd, services.get(`${op.cluster}/${op.service}`))) finished.push(op.id);
    }
    return { throttled: false, finished };
  } catch (error) {
    // Throttled (after the SDK's own retries) or unreachable: try again on a later, slower tick.
    if (error instanceof AwsUnavailableError) return { throttled: true, finished: [] };
    throw error;
  }
}
