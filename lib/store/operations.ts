// Creating, reading and updating operations. Creation is idempotent per (actor, idempotency key): the
// unique constraint decides the race, so ten simultaneous retries of one click make one row.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { jsonOrNull, jsonText, timeText } from "./codec";
import { parseInput, requiredText as text } from "./input";
import { operationFromRow } from "./operation-row";
import type { OperationsTable } from "./schema";
import { ACTOR_KINDS, FOLLOW_MODES, OPERATION_ACTIONS, OPERATION_STATUSES, type Operation, type StoreDb } from "./types";

// from/to/plan are shaped by lib/deploy; the store only insists they are there.
const present = z.unknown().refine((value) => value !== undefined && value !== null, "Required");

const newOperationSchema = z.object({
  /** Chosen by the verb when it must name the operation before creating it (clone tags carry it); else a new UUID. */
  id: z.uuid().optional(),
  idempotencyKey: text(200),
  /** The restore (an operation created in the same transaction) this one is a child of. */
  parentId: z.uuid().optional(),
  env: text(100),
  cluster: text(255),
  service: text(255),
  action: z.enum(OPERATION_ACTIONS),
  actor: text(200),
  actorKind: z.enum(ACTOR_KINDS),
  role: text(50),
  reason: text(1000),
  overrideReason: text(1000).nullish(),
  from: present,
  to: present,
  plan: present,
  now: z.date(),
  /** The replica that will follow the operation; without it, any replica's claimFollowable may take it. */
  lease: z.object({ owner: text(200), ttlMs: z.number().int().positive() }).optional(),
});

export type NewOperation = z.input<typeof newOperationSchema>;

export type CreateOperationResult = { created: true; operation: Operation } | { created: false; operation: Operation };

export async function getOperation(db: StoreDb, id: string): Promise<Operation | undefined> {
  const row = await db.selectFrom("operations").selectAll().where("id", "=", id).executeTakeFirst();
  return row && operationFromRow(row);
}

/** The operation `actor` created with idempotency key `key`, if any: a retry is answered with it. */
export async function findByIdempotencyKey(db: StoreDb, actor: string, key: string): Promise<Operation | undefined> {
  const row = await db.selectFrom("operations").selectAll().where("actor", "=", actor).where("idempotency_key", "=", key).executeTakeFirst();
  return row && operationFromRow(row);
}

/** A new `running` operation, or the one this actor already created with this idempotency key. */
export async function createOperation(db: StoreDb, input: NewOperation): Promise<CreateOperationResult> {
  const op = parseInput(newOperationSchema, input, "operation");
  const now = timeText(op.now);
  const inserted = await db
    .insertInto("operations")
    .values({
      id: op.id ?? randomUUID(),
      idempotency_key: op.idempotencyKey,
      parent_id: op.parentId ?? null,
      env: op.env,
      cluster: op.cluster,
      service: op.service,
      action: op.action,
      status: "running",
      actor: op.actor,
      actor_kind: op.actorKind,
      role: op.role,
      reason: op.reason,
      override_reason: op.overrideReason ?? null,
      from_json: jsonText(op.from),
      to_json: jsonText(op.to),
      plan_json: jsonText(op.plan),
      steps_json: "[]",
      created_at: now,
      started_at: now,
      updated_at: now,
      lease_owner: op.lease?.owner ?? null,
      lease_expires_at: op.lease ? timeText(new Date(op.now.getTime() + op.lease.ttlMs)) : null,
    })
    .onConflict((conflict) => conflict.columns(["actor", "idempotency_key"]).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { created: true, operation: operationFromRow(inserted) };
  const existing = await findByIdempotencyKey(db, op.actor, op.idempotencyKey);
  // Only reachable if the conflicting row vanished, which nothing in the store allows (no delete).
  if (!existing) throw new Error(`Operation with idempotency key ${op.idempotencyKey} conflicted but cannot be read`);
  return { created: false, operation: existing };
}

const patchSchema = z.strictObject({
  status: z.enum(OPERATION_STATUSES).optional(),
  plan: z.unknown().optional(),
  to: z.unknown().optional(),
  steps: z.array(z.unknown()).optional(),
  ecsDeploymentId: z.string().nullable().optional(),
  serviceDeploymentArn: z.string().nullable().optional(),
  followMode: z.enum(FOLLOW_MODES).nullable().optional(),
  outcomeReason: z.string().nullable().optional(),
  outcomeDetail: z.unknown().optional(),
  progress: z.unknown().optional(),
  finishedAt: z.date().nullable().optional(),
});

export type OperationPatch = z.input<typeof patchSchema>;

/** Only apply the patch while the operation is still in this state, e.g. a follower that must still hold the lease. */
export interface UpdateGuard {
  status?: Operation["status"];
  leaseOwner?: string;
}

function patchColumns(patch: z.output<typeof patchSchema>): Partial<OperationsTable> {
  const columns: Partial<OperationsTable> = {};
  if (patch.status !== undefined) columns.status = patch.status;
  if (patch.plan !== undefined) columns.plan_json = jsonText(patch.plan);
  if (patch.to !== undefined) columns.to_json = jsonText(patch.to);
  if (patch.steps !== undefined) columns.steps_json = jsonText(patch.steps);
  if (patch.ecsDeploymentId !== undefined) columns.ecs_deployment_id = patch.ecsDeploymentId;
  if (patch.serviceDeploymentArn !== undefined) columns.service_deployment_arn = patch.serviceDeploymentArn;
  if (patch.followMode !== undefined) columns.follow_mode = patch.followMode;
  if (patch.outcomeReason !== undefined) columns.outcome_reason = patch.outcomeReason;
  if (patch.outcomeDetail !== undefined) columns.outcome_detail_json = jsonOrNull(patch.outcomeDetail);
  if (patch.progress !== undefined) columns.progress_json = jsonOrNull(patch.progress);
  if (patch.finishedAt !== undefined) columns.finished_at = patch.finishedAt && timeText(patch.finishedAt);
  return columns;
}

/** The updated operation, or undefined when it does not exist or the guard no longer holds. */
export async function updateOperation(
  db: StoreDb,
  id: string,
  patch: OperationPatch,
  options: { now: Date; guard?: UpdateGuard },
): Promise<Operation | undefined> {
  const columns = patchColumns(parseInput(patchSchema, patch, "operation update"));
  let query = db.updateTable("operations").set({ ...columns, updated_at: timeText(options.now) }).where("id", "=", id);
  if (options.guard?.status) query = query.where("status", "=", options.guard.status);
  if (options.guard?.leaseOwner) query = query.where("lease_owner", "=", options.guard.leaseOwner);
  const row = await query.returningAll().executeTakeFirst();
  return row && operationFromRow(row);
}
