// Notifications: the outbox (one row per target and event, written in the same transaction as the audit
// row that records the event, so an event is never lost and, by the unique key, never enqueued twice),
// and the leader leases that let one replica run a periodic job (the watcher of ECS deployments made
// outside the dashboard). Same SQL for both dialects.
import { sql, type Kysely, type Migration } from "kysely";
import { OUTBOX_STATUSES } from "../outbox-types";

export const notificationOutbox: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("notification_outbox")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("target_id", "text", (c) => c.notNull())
      .addColumn("event_id", "text", (c) => c.notNull())
      .addColumn("event_type", "text", (c) => c.notNull())
      .addColumn("payload_json", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${sql.join(OUTBOX_STATUSES.map((s) => sql.lit(s)))})`))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "text", (c) => c.notNull())
      .addColumn("last_attempt_at", "text")
      .addColumn("last_error", "text")
      .addColumn("lease_owner", "text")
      .addColumn("lease_expires_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("delivered_at", "text")
      .addUniqueConstraint("notification_outbox_target_event", ["target_id", "event_id"])
      .execute();
    // The worker's claim looks only at pending rows that are due.
    await db.schema.createIndex("notification_outbox_due").on("notification_outbox").column("next_attempt_at").where(sql.ref("status"), "=", "pending").execute();
    // The admin page's delivery log: newest first per target, keyset on (created_at, id).
    await db.schema.createIndex("notification_outbox_target_created").on("notification_outbox").columns(["target_id", "created_at", "id"]).execute();

    await db.schema
      .createTable("leader_leases")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("owner", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("leader_leases").execute();
    await db.schema.dropTable("notification_outbox").execute();
  },
};
