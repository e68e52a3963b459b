// A named lease that makes one replica the leader of a periodic job (the watcher of ECS deployments made
// outside the dashboard): it takes the lease when free or expired, renews it while it runs, and another
// replica takes over within the TTL if it dies. One upsert decides races in both dialects.
import { timeText } from "./codec";
import type { LeaseRequest } from "./leases";
import type { StoreDb } from "./types";

/** True when `owner` holds `name` until now + ttlMs (taken, renewed, or taken over from an expired owner). */
export async function holdLeadership(db: StoreDb, name: string, request: LeaseRequest): Promise<boolean> {
  const now = timeText(request.now);
  const expires = timeText(new Date(request.now.getTime() + request.ttlMs));
  const row = await db
    .insertInto("leader_leases")
    .values({ name, owner: request.owner, expires_at: expires })
    .onConflict((conflict) =>
      conflict
        .column("name")
        .doUpdateSet({ owner: request.owner, expires_at: expires })
        .where((eb) => eb.or([eb("leader_leases.owner", "=", request.owner), eb("leader_leases.expires_at", "<=", now)])),
    )
    .returning("owner")
    .executeTakeFirst();
  return row?.owner === request.owner;
}

/** Gives the lease up (at shutdown) so another replica need not wait for it to expire. */
export async function releaseLeadership(db: StoreDb, name: string, owner: string): Promise<void> {
  await db.deleteFrom("leader_leases").where("name", "=", name).where("owner", "=", owner).execute();
}
