// Restoring an environment to a moment: one parent operation (`restore`) holding one child per selected
// service, each exactly a single rollback to what that service ran then (its own lock, audit rows and
// follower). In order, failing closed:
// 1. the role (deployer), and a replay of the same idempotency key answers with the restore it created;
// 2. the moment and every selected service re-planned fresh (prepare-restore.ts); a service that is
//    unchanged, cannot be restored, or whose preflight blocks refuses the whole restore;
// 3. one transaction: the parent, then every child's operation, lock and intent row; a lock another
//    operation holds rolls all of it back (nothing written) and is answered 409 naming who;
// 4. the children's RegisterTaskDefinition/UpdateService, a few at a time; a child whose AWS call fails
//    ends `failed` and the others go on. The last child to end settles the parent (restore-outcome.ts).
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import { requireRole } from "@/lib/auth/require-role";
import { taskDefinitionLabel } from "@/lib/domain/arn";
import { ConflictError, PreflightBlockedError, type BlockingCheck } from "@/lib/errors";
import { appendAudit, childrenOf, createOperation, findByIdempotencyKey, getOperation, type Operation } from "@/lib/store";
import { auditEntry } from "./audit-trail";
import type { DeployContext } from "./context";
import type { ServiceRef } from "./operation-input";
import { prepareRestore, type RestoreItem } from "./prepare-restore";
import { blockedBecause } from "./plan-restore";
import { refusalError, writeRefusal } from "./refuse";
import type { RestoreRequest } from "./restore-input";
import { changeOrFail, LockHeld, writeIntent, type StartInput } from "./start-operation";

// Children whose UpdateService runs at once: the AWS adapter's write slot (lib/aws/runtime.ts) is 4 too.
const RESTORE_CONCURRENCY = 4;

export interface RestoreStartInput extends RestoreRequest {
  env: string;
  idempotencyKey: string;
}

export interface RestoreStarted {
  operation: Operation;
  children: Operation[];
  /** False when the idempotency key had already created this restore. */
  created: boolean;
}

const allOf = (env: string): ServiceRef => ({ env, cluster: "*", service: "*" });
const name = (ref: Pick<ServiceRef, "cluster" | "service">) => `${ref.cluster}/${ref.service}`;

async function answered(ctx: DeployContext, parent: Operation): Promise<RestoreStarted> {
  const children = (await childrenOf(ctx.store.db, [parent.id])).get(parent.id) ?? [];
  return { operation: parent, children, created: false };
}

/** The service named in a conflict about it, so a refusal of a whole restore says which service and who. */
function namedConflict(item: RestoreItem, error: Error): Error {
  if (!(error instanceof ConflictError)) return error;
  return new ConflictError(error.reason, `${name(item.ref)}: ${error.message}`, { ...error.details, service: name(item.ref) });
}

/** Every refusal among the selected services, or nothing: a held lock is a 409 naming who, anything else a 422. */
function refusalOf(items: RestoreItem[], selected: RestoreStartInput["services"]): Error | undefined {
  const missing = selected.filter((s) => !items.some((i) => i.ref.cluster === s.cluster && i.ref.service === s.service));
  if (missing.length > 0) return new PreflightBlockedError(missing.map((s) => ({ check: "service", message: `${s.cluster}/${s.service} is not a service of this environment.` })));
  const locked = items.find((i) => i.prepared?.lock);
  if (locked?.prepared) {
    const error = refusalError(locked.prepared.preflight.checks, locked.prepared.lock);
    if (error instanceof ConflictError) return namedConflict(locked, error);
  }
  const blocks: BlockingCheck[] = [];
  for (const item of items) {
    if (item.decision.kind === "unchanged") blocks.push({ check: "unchanged", message: `${name(item.ref)} runs ${item.now} now, as it did then; untick it.` });
    else {
      const why = blockedBecause(item);
      if (why) blocks.push({ check: "restore", message: `${name(item.ref)}: ${why}` });
    }
  }
  return blocks.length > 0 ? new PreflightBlockedError(blocks) : undefined;
}

function childInput(input: RestoreStartInput, item: RestoreItem): StartInput {
  return {
    ref: item.ref,
    action: "rollback",
    target: { revision: item.decision.kind === "changed" ? taskDefinitionLabel(item.decision.to) : item.now },
    reason: input.reason,
    idempotencyKey: `${input.idempotencyKey}/${name(item.ref)}`,
  };
}

export async function startRestore(ctx: DeployContext, input: RestoreStartInput): Promise<RestoreStarted> {
  const actor = requireRole(ctx.actor, "deployer");
  const replay = await findByIdempotencyKey(ctx.store.db, actor.name, input.idempotencyKey);
  if (replay) return answered(ctx, replay);

  const prepared = await prepareRestore(ctx, input.env, input.at, new Set(input.services.map(name)));
  const refused = refusalOf(prepared.items, input.services);
  const refusedEntry = (message: string) => auditEntry(actor, allOf(input.env), ctx.now(), "refused", message, { detail: { reason: input.reason, at: input.at.toISOString() } });
  if (refused) {
    await writeRefusal(ctx.store, refusedEntry(`restore refused: ${refused.message}`));
    throw refused;
  }

  const now = ctx.now();
  const parentId = randomUUID();
  const moment = input.at.toISOString();
  const services = prepared.items.map((i) => ({ cluster: i.ref.cluster, service: i.ref.service, from: i.prepared?.from.label, to: i.prepared?.to.label }));
  let created: { created: boolean; operation: Operation; children: Operation[] };
  try {
    created = await ctx.store.transaction(async (tx) => {
      const parent = await createOperation(tx, {
        id: parentId,
        idempotencyKey: input.idempotencyKey,
        ...allOf(input.env),
        action: "restore",
        actor: actor.name,
        actorKind: actor.kind,
        role: actor.role,
        reason: input.reason,
        from: { label: `${input.env} now`, containers: [] },
        to: { label: `${input.env} as at ${moment}`, containers: [] },
        plan: { at: moment, summary: `Restore ${services.length} service(s) of ${input.env} to ${moment}.`, services },
        now,
      });
      if (!parent.created) return { ...parent, children: [] };
      await appendAudit(tx, auditEntry(actor, allOf(input.env), now, "intent", `restore ${input.env} to ${moment} (${services.map(name).join(", ")}): ${input.reason}`, { operationId: parentId, detail: { services } }));
      const children: Operation[] = [];
      for (const item of prepared.items) {
        const child = await writeIntent(tx, ctx, childInput(input, item), item.operationId as string, item.prepared as NonNullable<RestoreItem["prepared"]>, parentId).catch((error: unknown) => {
          throw error instanceof LockHeld ? new LockHeld(namedConflict(item, error.error)) : error;
        });
        children.push(child.operation);
      }
      return { created: true, operation: parent.operation, children };
    });
  } catch (error) {
    if (!(error instanceof LockHeld)) throw error;
    await writeRefusal(ctx.store, refusedEntry(`restore refused: ${error.message}`));
    throw error.error;
  }
  if (!created.created) return answered(ctx, created.operation);

  const limit = pLimit(RESTORE_CONCURRENCY);
  await Promise.all(
    prepared.items.map((item, index) =>
      limit(async () => {
        const child = created.children[index] as Operation;
        // A failed child is recorded `failed` (changeOrFail) and the restore goes on with the others.
        await changeOrFail(ctx, prepared.scope, childInput(input, item), item.prepared as NonNullable<RestoreItem["prepared"]>, child).catch(() => undefined);
      }),
    ),
  );
  ctx.wake();
  const parent = (await getOperation(ctx.store.db, parentId)) ?? created.operation;
  return { ...(await answered(ctx, parent)), created: true };
}
