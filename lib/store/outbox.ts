// The notification outbox: enqueue (inside the caller's transaction, next to the audit row), claim due
// deliveries with a lease, and record each attempt's result. Like the follower's leases (leases.ts): the
// claim is one UPDATE that re-checks the lease, and on Postgres the candidates are locked FOR UPDATE
// SKIP LOCKED, so two replicas' workers never deliver one row at the same time; a worker that dies
// mid-attempt stops holding the lease and another retries the row after it expires (at least once).
import { randomUUID } from "node:crypto";
import type { ExpressionBuilder, Selectable } from "kysely";
import { z } from "zod";
import { jsonText, parseJson, timeOrNull, timeText } from "./codec";
import { dialectOf } from "./dialect";
import { parseInput } from "./input";
import type { LeaseRequest } from "./leases";
import type { Database, NotificationOutboxTable } from "./schema";
import type { NewOutboxEvent, OutboxDelivery, OutboxStatus } from "./outbox-types";
import type { StoreDb } from "./types";

const MAX_ERROR_LENGTH = 1000;
export const MAX_CLAIM = 500;

export function deliveryFromRow(row: Selectable<NotificationOutboxTable>): OutboxDelivery {
  return {
    id: row.id,
    targetId: row.target_id,
    eventId: row.event_id,
    eventType: row.event_type,
    payload: parseJson(row.payload_json),
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    lastAttemptAt: timeOrNull(row.last_attempt_at),
    lastError: row.last_error,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: timeOrNull(row.lease_expires_at),
    createdAt: new Date(row.created_at),
    deliveredAt: timeOrNull(row.delivered_at),
  };
}

/**
 * One pending delivery per target of `event`, due now. A (target, event) already in the outbox is left as
 * it is, so a replayed event, or a second replica noticing the same ECS deployment, enqueues nothing.
 * Returns how many rows were added.
 */
export async function enqueueDeliveries(db: StoreDb, event: NewOutboxEvent, targetIds: readonly string[], now: Date): Promise<number> {
  if (targetIds.length === 0) return 0;
  const at = timeText(now);
  const payload = jsonText(event.payload);
  const rows = await db
    .insertInto("notification_outbox")
    .values(targetIds.map((targetId) => ({ id: randomUUID(), target_id: targetId, event_id: event.eventId, event_type: event.eventType, payload_json: payload, status: "pending", attempts: 0, next_attempt_at: at, created_at: at })))
    .onConflict((conflict) => conflict.columns(["target_id", "event_id"]).doNothing())
    .returning("id")
    .execute();
  return rows.length;
}

const dueAt = (now: string) => (eb: ExpressionBuilder<Database, "notification_outbox">) =>
  eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now), eb.or([eb("lease_expires_at", "is", null), eb("lease_expires_at", "<=", now)])]);

/** Claims up to `limit` due deliveries for `owner` (oldest first) and counts the attempt each is about to get. */
export async function claimDueDeliveries(db: StoreDb, request: LeaseRequest & { limit: number }): Promise<OutboxDelivery[]> {
  const limit = parseInput(z.number().int().min(1).max(MAX_CLAIM), request.limit, "limit");
  const now = timeText(request.now);
  const rows = await db
    .with(
      (cte) => cte("candidates").materialized(),
      (qb) => {
        const candidates = qb.selectFrom("notification_outbox").select("id").where(dueAt(now)).orderBy("next_attempt_at").limit(limit);
        return dialectOf(db) === "postgres" ? candidates.forUpdate().skipLocked() : candidates;
      },
    )
    .updateTable("notification_outbox")
    .set((eb) => ({
      lease_owner: request.owner,
      lease_expires_at: timeText(new Date(request.now.getTime() + request.ttlMs)),
      attempts: eb("attempts", "+", 1),
      last_attempt_at: now,
    }))
    .where("id", "in", (eb) => eb.selectFrom("candidates").select("candidates.id"))
    .where(dueAt(now))
    .returningAll()
    .execute();
  return rows.map(deliveryFromRow);
}

/** The last attempt's result. */
export type AttemptResult = { delivered: true } | { delivered: false; error: string; retryAt: Date } | { delivered: false; error: string; giveUp: true };

/**
 * Records the attempt's result and gives the lease back (a delivery keeps the error of the attempt before
 * it, so the log shows what it got through), guarded on still holding it: false when the
 * lease expired and another worker took the row over (it decides the row's fate now).
 */
export async function recordAttempt(db: StoreDb, id: string, owner: string, result: AttemptResult, now: Date): Promise<boolean> {
  const at = timeText(now);
  const patch = result.delivered
    ? { status: "delivered", delivered_at: at }
    : "giveUp" in result
      ? { status: "failed", last_error: result.error.slice(0, MAX_ERROR_LENGTH) }
      : { next_attempt_at: timeText(result.retryAt), last_error: result.error.slice(0, MAX_ERROR_LENGTH) };
  const updated = await db
    .updateTable("notification_outbox")
    .set({ ...patch, lease_owner: null, lease_expires_at: null })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function getOutboxDelivery(db: StoreDb, id: string): Promise<OutboxDelivery | undefined> {
  const row = await db.selectFrom("notification_outbox").selectAll().where("id", "=", id).executeTakeFirst();
  return row && deliveryFromRow(row);
}

/** When the next pending delivery is due (to sleep until then), or undefined when none is pending. */
export async function nextDueAt(db: StoreDb): Promise<Date | undefined> {
  const row = await db.selectFrom("notification_outbox").select((eb) => eb.fn.min("next_attempt_at").as("due")).where("status", "=", "pending").executeTakeFirst();
  return row?.due ? new Date(row.due) : undefined;
}
