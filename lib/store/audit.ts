// The audit trail: append and read, nothing else. There is deliberately no update or delete here, and
// the database refuses both (migrations/002-audit-append-only.ts).
import type { Selectable } from "kysely";
import { z } from "zod";
import { jsonOrNull, parseJson, timeText } from "./codec";
import { parseInput, requiredText as text } from "./input";
import type { AuditEventsTable } from "./schema";
import { ACTOR_KINDS, AUDIT_KINDS, type AuditEvent, type AuditKind, type StoreDb } from "./types";


const newAuditEventSchema = z.object({
  at: z.date(),
  operationId: z.string().nullish(),
  env: text(100),
  cluster: text(255),
  service: text(255),
  actor: text(200),
  actorKind: z.enum(ACTOR_KINDS),
  role: text(50),
  kind: z.enum(AUDIT_KINDS),
  message: text(4000),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  detail: z.unknown().optional(),
});

export type NewAuditEvent = z.input<typeof newAuditEventSchema>;

function auditEventFromRow(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: Number(row.id),
    at: new Date(row.at),
    operationId: row.operation_id,
    env: row.env,
    cluster: row.cluster,
    service: row.service,
    actor: row.actor,
    actorKind: row.actor_kind as AuditEvent["actorKind"],
    role: row.role,
    kind: row.kind as AuditKind,
    message: row.message,
    from: parseJson(row.from_json),
    to: parseJson(row.to_json),
    detail: parseJson(row.detail_json),
  };
}

export async function appendAudit(db: StoreDb, event: NewAuditEvent): Promise<AuditEvent> {
  const e = parseInput(newAuditEventSchema, event, "audit event");
  const row = await db
    .insertInto("audit_events")
    .values({
      at: timeText(e.at),
      operation_id: e.operationId ?? null,
      env: e.env,
      cluster: e.cluster,
      service: e.service,
      actor: e.actor,
      actor_kind: e.actorKind,
      role: e.role,
      kind: e.kind,
      message: e.message,
      from_json: jsonOrNull(e.from),
      to_json: jsonOrNull(e.to),
      detail_json: jsonOrNull(e.detail),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return auditEventFromRow(row);
}

/** Every event of one operation, in the order they were written. */
export async function listAuditForOperation(db: StoreDb, operationId: string): Promise<AuditEvent[]> {
  const rows = await db.selectFrom("audit_events").selectAll().where("operation_id", "=", operationId).orderBy("id").execute();
  return rows.map(auditEventFromRow);
}
