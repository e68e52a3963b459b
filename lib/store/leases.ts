// Which replica follows which running operation. A replica claims operations whose lease is free or
// expired, renews its leases while it follows them, and releases them when done; a replica that dies
// stops renewing, and after the TTL another replica's claim takes its operations over.
import type { ExpressionBuilder } from "kysely";
import { timeText } from "./codec";
import { dialectOf } from "./dialect";
import { operationFromRow } from "./operation-row";
import type { Database } from "./schema";
import type { Operation, StoreDb } from "./types";

export interface LeaseRequest {
  owner: string;
  now: Date;
  ttlMs: number;
}

const expiry = ({ now, ttlMs }: LeaseRequest) => timeText(new Date(now.getTime() + ttlMs));

// A restore has no deployment of its own to follow: its children are followed, and the last child to end
// records its outcome (lib/deploy/restore-outcome.ts).
const leaseFreeAt = (now: string) => (eb: ExpressionBuilder<Database, "operations">) =>
  eb.and([eb("status", "=", "running"), eb("action", "!=", "restore"), eb.or([eb("lease_expires_at", "is", null), eb("lease_expires_at", "<=", now)])]);

/**
 * Claims up to `limit` running operations whose lease is free or expired, in one statement; the UPDATE
 * re-checks the lease, so of two replicas claiming at once only one gets each operation. On Postgres the
 * candidates are locked FOR UPDATE SKIP LOCKED, so a second replica passes over rows the first is
 * claiming instead of waiting; they sit in a MATERIALIZED CTE because as an IN subquery Postgres may run
 * them more than once, each run skipping the rows the last one locked, and claim more than `limit`.
 * SQLite has one writer at a time, so the statement is atomic there as it is.
 */
export async function claimFollowable(db: StoreDb, request: LeaseRequest & { limit: number }): Promise<Operation[]> {
  const now = timeText(request.now);
  const rows = await db
    .with(
      (cte) => cte("candidates").materialized(),
      (qb) => {
        const candidates = qb
          .selectFrom("operations")
          .select("id")
          .where(leaseFreeAt(now))
          .orderBy("created_at")
          .limit(request.limit);
        return dialectOf(db) === "postgres" ? candidates.forUpdate().skipLocked() : candidates;
      },
    )
    .updateTable("operations")
    .set({ lease_owner: request.owner, lease_expires_at: expiry(request), updated_at: now })
    .where("id", "in", (eb) => eb.selectFrom("candidates").select("candidates.id"))
    .where(leaseFreeAt(now))
    .returningAll()
    .execute();
  return rows.map(operationFromRow);
}

/**
 * Extends the owner's leases of `operationIds` in one statement and returns those operations as they are
 * now; one missing from the answer was taken over or has finished (stop following it).
 */
export async function renewLeases(db: StoreDb, operationIds: readonly string[], request: LeaseRequest): Promise<Operation[]> {
  if (operationIds.length === 0) return [];
  const rows = await db
    .updateTable("operations")
    .set({ lease_expires_at: expiry(request), updated_at: timeText(request.now) })
    .where("id", "in", [...operationIds])
    .where("lease_owner", "=", request.owner)
    .where("status", "=", "running")
    .returningAll()
    .execute();
  return rows.map(operationFromRow);
}

/** Extends the owner's lease of one operation; false when it was taken over (stop following) or finished. */
export async function renewLease(db: StoreDb, operationId: string, request: LeaseRequest): Promise<boolean> {
  return (await renewLeases(db, [operationId], request)).length > 0;
}

/** Gives the lease back (after an outcome, or at shutdown so another replica need not wait for the TTL). */
export async function releaseLease(db: StoreDb, operationId: string, owner: string): Promise<boolean> {
  const result = await db
    .updateTable("operations")
    .set({ lease_owner: null, lease_expires_at: null })
    .where("id", "=", operationId)
    .where("lease_owner", "=", owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Gives back every lease `owner` holds, in one statement (at shutdown: another replica claims them on its
 * next tick instead of after the TTL). Returns how many it released.
 */
export async function releaseAllLeases(db: StoreDb, owner: string): Promise<number> {
  const result = await db.updateTable("operations").set({ lease_owner: null, lease_expires_at: null }).where("lease_owner", "=", owner).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
