// One change at a time per service: a row per locked service, keyed env/cluster/service. Taking the lock
// is one INSERT … ON CONFLICT DO NOTHING, so of any number of simultaneous requests exactly one wins and
// the others read who holds it and since when.
import { timeText } from "./codec";
import type { ServiceRef, StoreDb } from "./types";

export interface LockHolder {
  holder: string;
  since: Date;
  operationId: string;
}

export type LockResult = { ok: true } | { ok: false; held: LockHolder };

export function serviceKey({ env, cluster, service }: ServiceRef): string {
  return `${env}/${cluster}/${service}`;
}

export async function acquireServiceLock(
  db: StoreDb,
  lock: { serviceKey: string; operationId: string; holder: string; now: Date },
): Promise<LockResult> {
  // Retried because the holder may release between our refused insert and our read.
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db
      .insertInto("service_locks")
      .values({ service_key: lock.serviceKey, operation_id: lock.operationId, holder: lock.holder, acquired_at: timeText(lock.now) })
      .onConflict((conflict) => conflict.column("service_key").doNothing())
      .returning("service_key")
      .executeTakeFirst();
    if (inserted) return { ok: true };
    const current = await db.selectFrom("service_locks").selectAll().where("service_key", "=", lock.serviceKey).executeTakeFirst();
    if (current) {
      return { ok: false, held: { holder: current.holder, since: new Date(current.acquired_at), operationId: current.operation_id } };
    }
  }
  throw new Error(`The lock on ${lock.serviceKey} changed hands three times while it was being taken`);
}

/** Releases the lock only if `operationId` holds it, so a late release never frees someone else's lock. */
export async function releaseServiceLock(db: StoreDb, key: string, operationId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("service_locks")
    .where("service_key", "=", key)
    .where("operation_id", "=", operationId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function getServiceLock(db: StoreDb, key: string): Promise<LockHolder | undefined> {
  const row = await db.selectFrom("service_locks").selectAll().where("service_key", "=", key).executeTakeFirst();
  return row && { holder: row.holder, since: new Date(row.acquired_at), operationId: row.operation_id };
}
