// The audit trail a verb writes: one append-only row per intent, step, refusal, override and outcome,
// with the actor (a person's email or a token's name) and role, and each step also kept on the
// operation so its page shows it without reading the trail.
import type { Actor } from "@/lib/auth/actor";
import { appendAudit, updateOperation, type AuditKind, type NewAuditEvent, type Operation, type StoreDb } from "@/lib/store";
import type { ServiceRef } from "./operation-input";

export type StepName = "preflight" | "lock" | "register" | "update-service" | "stop" | "follow" | "outcome";

export interface Step {
  at: string;
  name: StepName;
  ok: boolean;
  message: string;
  /** A "stop" step added to our operation by someone (maybe not its author): who, with which role and reason. */
  by?: { name: string; role: string; reason: string };
}

export function auditEntry(
  actor: Pick<Actor, "name" | "kind" | "role">,
  ref: ServiceRef,
  at: Date,
  kind: AuditKind,
  message: string,
  extra: { operationId?: string; from?: unknown; to?: unknown; detail?: unknown } = {},
): NewAuditEvent {
  return { at, env: ref.env, cluster: ref.cluster, service: ref.service, actor: actor.name, actorKind: actor.kind, role: actor.role, kind, message, ...extra };
}

/** The operation's own actor, for rows the follower writes on its behalf. */
export function operationActor(op: Operation): Pick<Actor, "name" | "kind" | "role"> {
  return { name: op.actor, kind: op.actorKind, role: op.role as Actor["role"] };
}

export function stepsOf(op: Operation): Step[] {
  return op.steps.filter((s): s is Step => typeof s === "object" && s !== null && "name" in s && "at" in s);
}

/** Appends a step to the operation and the audit trail, in the caller's transaction. */
export async function recordStep(db: StoreDb, op: Operation, step: Omit<Step, "at">, now: Date, patch: Parameters<typeof updateOperation>[2] = {}): Promise<Operation> {
  const entry: Step = { at: now.toISOString(), ...step };
  const updated = await updateOperation(db, op.id, { ...patch, steps: [...stepsOf(op), entry] }, { now });
  await appendAudit(db, auditEntry(operationActor(op), op, now, "step", `${step.name}: ${step.message}`, { operationId: op.id, detail: { step: entry } }));
  return updated ?? op;
}
