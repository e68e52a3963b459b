// "Stop and roll back": ECS's own 1-click rollback (StopServiceDeployment, aws-behaviour.md §8.2) of the
// deployment in progress on a service, ours or CI's, with the same role, lock, reason and audit as a
// rollback. Stopping the deployment one of our operations is following adds the stop to that operation
// (it then ends `stopped`); stopping anyone else's starts a `stop` operation that holds the lock and is
// followed until ECS has rolled back. A finished deployment cannot be stopped: roll back instead.
import { randomUUID } from "node:crypto";
import { listServiceDeploymentsFresh, stopServiceDeployment, type EnvScope } from "@/lib/aws";
import { requireRole } from "@/lib/auth/require-role";
import { revisionLabel } from "@/lib/domain/task-definition";
import type { ServiceDeploymentSummary } from "@/lib/domain/types";
import { ConflictError } from "@/lib/errors";
import { wakeNotifier } from "@/lib/notify";
import { log, withLogContext } from "@/lib/observability";
import { acquireServiceLock, appendAudit, createOperation, findByIdempotencyKey, getOperation, getServiceLock, serviceKey, type Operation } from "@/lib/store";
import { auditEntry, recordStep, stepsOf } from "./audit-trail";
import { serviceScope, type DeployContext } from "./context";
import { finishOperation } from "./finish-operation";
import { enqueueOperationEvent } from "./operation-event";
import type { ServiceRef, StopRequest } from "./operation-input";
import { readServiceState } from "./read-service";
import { lockHeldError, writeRefusal } from "./refuse";
import { versionOf } from "./version";

export interface StopInput extends StopRequest {
  ref: ServiceRef;
  idempotencyKey: string;
}

const newestFirst = (a: ServiceDeploymentSummary, b: ServiceDeploymentSummary) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0);

async function deploymentToStop(scope: EnvScope, input: StopInput): Promise<ServiceDeploymentSummary> {
  const rolling = await listServiceDeploymentsFresh(scope, { cluster: input.ref.cluster, service: input.ref.service, status: ["PENDING", "IN_PROGRESS"] });
  const target = rolling.sort(newestFirst)[0];
  if (!target) {
    throw new ConflictError("in-progress", `No deployment is in progress on ${input.ref.service}; to go back from a finished deployment, roll back to an earlier version instead.`);
  }
  if (input.expectedServiceDeployment && input.expectedServiceDeployment !== target.arn) {
    throw new ConflictError("stale-view", `The deployment in progress is now ${target.arn}, not the one you saw (${input.expectedServiceDeployment}). Reload and try again.`, { expected: input.expectedServiceDeployment, actual: target.arn });
  }
  return target;
}

/** Our operation is following exactly this deployment: the stop belongs to it. */
async function stopOurs(ctx: DeployContext, scope: EnvScope, op: Operation, target: ServiceDeploymentSummary, input: StopInput): Promise<Operation> {
  await appendAudit(ctx.store.db, auditEntry(ctx.actor, input.ref, ctx.now(), "intent", `Stop and roll back ${target.arn} (operation ${op.id}): ${input.reason}`, { operationId: op.id }));
  await stopServiceDeployment(scope, { serviceDeploymentArn: target.arn });
  const by = { name: ctx.actor.name, role: ctx.actor.role, reason: input.reason };
  const updated = await recordStep(ctx.store.db, op, { name: "stop", ok: true, message: `${ctx.actor.name} stopped the deployment; ECS rolls back (${input.reason}).`, by }, ctx.now());
  ctx.wake();
  return updated;
}

export interface Stopped {
  operation: Operation;
  /** A new `stop` operation; false when the stop was added to our operation following that deployment, or replayed. */
  created: boolean;
  /** The idempotency key had already started this stop: nothing was done now. */
  replayed: boolean;
}

export async function stopRollout(ctx: DeployContext, input: StopInput): Promise<Stopped> {
  const actor = requireRole(ctx.actor, "deployer");
  const replay = await findByIdempotencyKey(ctx.store.db, actor.name, input.idempotencyKey);
  if (replay) return { operation: replay, created: false, replayed: true };
  const scope = serviceScope(ctx, input.ref);
  const [state, target, lock] = await Promise.all([readServiceState(scope, input.ref), deploymentToStop(scope, input), getServiceLock(ctx.store.db, serviceKey(input.ref))]);

  if (lock) {
    const holder = await getOperation(ctx.store.db, lock.operationId);
    if (holder?.status === "running" && holder.serviceDeploymentArn === target.arn && holder.action !== "stop") {
      // A stop already asked for on this operation (a retry, a double click, a second person): ECS is rolling back.
      if (stepsOf(holder).some((step) => step.name === "stop")) return { operation: holder, created: false, replayed: true };
      return { operation: await stopOurs(ctx, scope, holder, target, input), created: false, replayed: false };
    }
    const error = lockHeldError(lock);
    await writeRefusal(ctx.store, auditEntry(actor, input.ref, ctx.now(), "refused", `stop refused: ${error.message}`, { detail: { reason: input.reason } }));
    throw error;
  }

  const now = ctx.now();
  const operationId = randomUUID();
  const from = versionOf(state.current.spec, revisionLabel(state.current), state.current.arn, new Map(), ctx.config.tagPattern);
  const to = { label: "the revision ECS rolls back to", containers: [] };
  const started = await ctx.store.transaction(async (tx) => {
    const created = await createOperation(tx, {
      id: operationId,
      idempotencyKey: input.idempotencyKey,
      ...input.ref,
      action: "stop",
      actor: actor.name,
      actorKind: actor.kind,
      role: actor.role,
      reason: input.reason,
      from,
      to,
      plan: { summary: `Stop ${target.arn} and let ECS roll back.`, serviceDeploymentArn: target.arn },
      now,
    });
    if (!created.created) return created;
    const acquired = await acquireServiceLock(tx, { serviceKey: serviceKey(input.ref), operationId, holder: actor.name, now });
    if (!acquired.ok) throw lockHeldError(acquired.held);
    await appendAudit(tx, auditEntry(actor, input.ref, now, "intent", `Stop and roll back ${target.arn}: ${input.reason}`, { operationId, from, to }));
    await enqueueOperationEvent(tx, ctx.config, created.operation, "started", now);
    return created;
  });
  if (!started.created) return { ...started, replayed: true };
  wakeNotifier();
  log().info({ operationId, actor: actor.name, action: "stop", service: serviceKey(input.ref), deployment: target.arn }, "operation started");

  try {
    await withLogContext({ operationId, actor: actor.name }, () => stopServiceDeployment(scope, { serviceDeploymentArn: target.arn }));
    const operation = await recordStep(ctx.store.db, started.operation, { name: "stop", ok: true, message: `StopServiceDeployment accepted for ${target.arn}; ECS rolls back.` }, ctx.now(), {
      serviceDeploymentArn: target.arn,
      ecsDeploymentId: state.primary?.id ?? null,
      followMode: "service-deployments",
    });
    ctx.wake();
    return { operation, created: true, replayed: false };
  } catch (error) {
    await finishOperation(ctx, started.operation, { status: "failed", reason: error instanceof Error ? error.message : String(error) }, ctx.now());
    throw error;
  }
}
