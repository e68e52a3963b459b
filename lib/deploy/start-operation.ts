// The rollback/deploy verb. In order, failing closed at every step:
// 1. the role (deployer; an admin for a scan-gate override), and a replay of the same idempotency key
//    answers with the operation it already created;
// 2. the plan and preflight, read fresh from AWS (prepare-plan.ts); a block is refused and audited;
// 3. one transaction: the operation, the service's lock, the audit "intent" row and the "started"
//    notifications in the outbox (delivered later by lib/notify's worker), before any change;
// 4. RegisterTaskDefinition when the plan clones, then UpdateService changing only the task definition;
// 5. ECS's deployment id and service-deployment ARN on the operation, and the follower woken.
// A failed AWS call ends the operation `failed` with AWS's words and releases the lock. Nothing is
// ever deregistered.
import { randomUUID } from "node:crypto";
import { registerTaskDefinition, updateServiceTaskDefinition, type EnvScope } from "@/lib/aws";
import { requireRole } from "@/lib/auth/require-role";
import { TAG_KEYS } from "@/lib/domain/clone-tags";
import { revisionLabel } from "@/lib/domain/task-definition";
import { ForbiddenError, describeError } from "@/lib/errors";
import { wakeNotifier } from "@/lib/notify";
import { log, withLogContext } from "@/lib/observability";
import { acquireServiceLock, appendAudit, createOperation, findByIdempotencyKey, getOperation, serviceKey, type Operation, type StoreDb } from "@/lib/store";
import { auditEntry, recordStep } from "./audit-trail";
import { serviceScope, type DeployContext } from "./context";
import { finishOperation } from "./finish-operation";
import { enqueueOperationEvent } from "./operation-event";
import type { OperationRequest, ServiceRef } from "./operation-input";
import { preparePlan, type PreparedPlan } from "./prepare-plan";
import { lockHeldError, refusalError, writeRefusal } from "./refuse";

export interface StartInput extends OperationRequest {
  ref: ServiceRef;
  idempotencyKey: string;
  expectedPrimaryDeployment?: string;
}

export interface Started {
  operation: Operation;
  /** False when the idempotency key had already created this operation. */
  created: boolean;
}

/** The service is locked by another operation: thrown inside the transaction so nothing of it is kept. */
export class LockHeld extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

/**
 * In the caller's transaction: the operation row (or the replay of its idempotency key), the service's
 * lock (held → LockHeld) and the audit "intent" row. A restore calls it once per child, with its parent.
 */
export async function writeIntent(tx: StoreDb, ctx: DeployContext, input: StartInput, operationId: string, prepared: PreparedPlan, parentId?: string): Promise<Started> {
  const now = ctx.now();
  const { from, to } = prepared;
  const overrideReason = prepared.preflight.scanGateOverridden ? input.override?.scanGate : undefined;
  const created = await createOperation(tx, {
    id: operationId,
    ...(parentId && { parentId }),
    idempotencyKey: input.idempotencyKey,
    ...input.ref,
    action: input.action,
    actor: ctx.actor.name,
    actorKind: ctx.actor.kind,
    role: ctx.actor.role,
    reason: input.reason,
    overrideReason: overrideReason ?? null,
    from,
    to,
    plan: { summary: prepared.plan.summary, needsRegistration: prepared.plan.needsRegistration, checks: prepared.preflight.checks, target: input.target },
    now,
  });
  if (!created.created) return created;
  const lock = await acquireServiceLock(tx, { serviceKey: serviceKey(input.ref), operationId, holder: ctx.actor.name, now });
  if (!lock.ok) throw new LockHeld(lockHeldError(lock.held));
  await appendAudit(tx, auditEntry(ctx.actor, input.ref, now, "intent", `${input.action} ${from.label} → ${to.label}: ${input.reason}`, { operationId, from, to, detail: { plan: prepared.plan.summary, checks: prepared.preflight.checks } }));
  await enqueueOperationEvent(tx, ctx.config, created.operation, "started", now);
  if (overrideReason) {
    await appendAudit(tx, auditEntry(ctx.actor, input.ref, now, "override", `Scan gate overridden by ${ctx.actor.name}: ${overrideReason}`, { operationId }));
  }
  return created;
}

/** RegisterTaskDefinition when the plan clones, then UpdateService; ECS's ids recorded as steps. */
export async function change(ctx: DeployContext, scope: EnvScope, input: StartInput, prepared: PreparedPlan, op: Operation): Promise<Operation> {
  let current = op;
  let taskDefinitionArn: string;
  if (prepared.plan.run.kind === "register") {
    const run = prepared.plan.run;
    const td = await registerTaskDefinition(scope, run.spec, run.tags);
    taskDefinitionArn = td.arn;
    const to = { ...prepared.to, taskDefinitionArn: td.arn, label: revisionLabel(td) };
    current = await recordStep(ctx.store.db, current, { name: "register", ok: true, message: `Registered ${revisionLabel(td)}, cloned from ${run.clonedFrom} (tag ${TAG_KEYS.operation}=${op.id}).` }, ctx.now(), { to });
  } else {
    taskDefinitionArn = prepared.plan.run.taskDefinition.arn;
  }
  const update = await updateServiceTaskDefinition(scope, { cluster: input.ref.cluster, service: input.ref.service, taskDefinitionArn });
  const followMode = update.serviceDeploymentArn ? "service-deployments" : "describe-services";
  const how = update.serviceDeploymentArn ? `service deployment ${update.serviceDeploymentArn}` : "no service-deployment ARN reported; following DescribeServices (§3.2)";
  return recordStep(ctx.store.db, current, { name: "update-service", ok: true, message: `UpdateService started deployment ${update.deploymentId} (${how}).` }, ctx.now(), {
    ecsDeploymentId: update.deploymentId,
    serviceDeploymentArn: update.serviceDeploymentArn ?? null,
    followMode,
  });
}

export async function startOperation(ctx: DeployContext, input: StartInput): Promise<Started> {
  const actor = requireRole(ctx.actor, "deployer");
  if (input.override && actor.role !== "admin") throw new ForbiddenError("Only an admin may override the scan gate");
  const replay = await findByIdempotencyKey(ctx.store.db, actor.name, input.idempotencyKey);
  if (replay) return { operation: replay, created: false };

  // Every log line from here on (the AWS calls of the plan and the change included) names the operation.
  const operationId = randomUUID();
  return withLogContext({ operationId, actor: actor.name }, () => startMinted(ctx, actor, input, operationId));
}

async function startMinted(ctx: DeployContext, actor: DeployContext["actor"], input: StartInput, operationId: string): Promise<Started> {
  const scope = serviceScope(ctx, input.ref);
  const prepared = await preparePlan(ctx, scope, { ref: input.ref, target: input.target, ...(input.expectedTaskDefinition && { expectedTaskDefinition: input.expectedTaskDefinition }), ...(input.expectedPrimaryDeployment && { expectedPrimaryDeployment: input.expectedPrimaryDeployment }), ...(input.override && { override: input.override }) }, operationId);
  const refusedEntry = (message: string) => auditEntry(actor, input.ref, ctx.now(), "refused", message, { from: prepared.from, to: prepared.to, detail: { reason: input.reason, checks: prepared.preflight.checks } });
  if (prepared.preflight.verdict === "block") {
    const error = refusalError(prepared.preflight.checks, prepared.lock);
    await writeRefusal(ctx.store, refusedEntry(`${input.action} refused: ${error.message}`));
    throw error;
  }

  let started: Started;
  try {
    started = await ctx.store.transaction((tx) => writeIntent(tx, ctx, input, operationId, prepared));
  } catch (error) {
    if (!(error instanceof LockHeld)) throw error;
    await writeRefusal(ctx.store, refusedEntry(`${input.action} refused: ${error.message}`));
    throw error.error;
  }
  if (!started.created) return started;
  wakeNotifier();
  log().info({ operationId, actor: actor.name, action: input.action, service: serviceKey(input.ref), from: prepared.from.label, to: prepared.to.label }, "operation started");

  const operation = await changeOrFail(ctx, scope, input, prepared, started.operation);
  ctx.wake();
  return { operation, created: true };
}

/** change(), and on a failed AWS call the operation ends `failed` with AWS's words (lock released) and the error is rethrown. */
export async function changeOrFail(ctx: DeployContext, scope: EnvScope, input: StartInput, prepared: PreparedPlan, op: Operation): Promise<Operation> {
  try {
    return await change(ctx, scope, input, prepared, op);
  } catch (error) {
    const reason = describeError(error)?.body.error.message ?? (error instanceof Error ? error.message : String(error));
    const latest = (await getOperation(ctx.store.db, op.id)) ?? op;
    await finishOperation(ctx, latest, { status: "failed", reason, detail: { error: describeError(error)?.body.error } }, ctx.now());
    throw error;
  }
}
