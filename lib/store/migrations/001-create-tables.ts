// The operations, the append-only audit trail and the per-service locks. Written once for both
// dialects; only the audit id (identity vs autoincrement) differs, and the append-only triggers
// live in 002 because their SQL is dialect-specific.
import { sql, type Kysely, type Migration } from "kysely";
import type { DialectKind } from "../dialect";
import { ACTOR_KINDS, FOLLOW_MODES, OPERATION_ACTIONS, OPERATION_STATUSES } from "../types";

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export function createTables(kind: DialectKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("operations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("idempotency_key", "text", (c) => c.notNull())
        .addColumn("env", "text", (c) => c.notNull())
        .addColumn("cluster", "text", (c) => c.notNull())
        .addColumn("service", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull().check(oneOf("action", OPERATION_ACTIONS)))
        .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", OPERATION_STATUSES)))
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("actor_kind", "text", (c) => c.notNull().check(oneOf("actor_kind", ACTOR_KINDS)))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("override_reason", "text")
        .addColumn("from_json", "text", (c) => c.notNull())
        .addColumn("to_json", "text", (c) => c.notNull())
        .addColumn("plan_json", "text", (c) => c.notNull())
        .addColumn("steps_json", "text", (c) => c.notNull())
        .addColumn("ecs_deployment_id", "text")
        .addColumn("service_deployment_arn", "text")
        .addColumn("follow_mode", "text", (c) => c.check(oneOf("follow_mode", FOLLOW_MODES)))
        .addColumn("outcome_reason", "text")
        .addColumn("outcome_detail_json", "text")
        .addColumn("progress_json", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("started_at", "text")
        .addColumn("finished_at", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("lease_owner", "text")
        .addColumn("lease_expires_at", "text")
        // A retried request (same actor, same Idempotency-Key) finds the first operation instead of making a second.
        .addUniqueConstraint("operations_actor_idempotency_key", ["actor", "idempotency_key"])
        .execute();
      // The timeline: newest first, keyset on (created_at, id), optionally narrowed to one service.
      await db.schema.createIndex("operations_created").on("operations").columns(["created_at", "id"]).execute();
      await db.schema
        .createIndex("operations_service_created")
        .on("operations")
        .columns(["env", "cluster", "service", "created_at"])
        .execute();
      // The follower's claim looks only at running operations.
      await db.schema.createIndex("operations_running").on("operations").column("lease_expires_at").where(sql.ref("status"), "=", "running").execute();

      await db.schema
        .createTable("audit_events")
        .addColumn("id", kind === "postgres" ? "bigint" : "integer", (c) =>
          kind === "postgres" ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("operation_id", "text", (c) => c.references("operations.id"))
        .addColumn("env", "text", (c) => c.notNull())
        .addColumn("cluster", "text", (c) => c.notNull())
        .addColumn("service", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("actor_kind", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("from_json", "text")
        .addColumn("to_json", "text")
        .addColumn("detail_json", "text")
        .execute();
      await db.schema.createIndex("audit_events_operation").on("audit_events").columns(["operation_id", "id"]).execute();
      await db.schema.createIndex("audit_events_env_at").on("audit_events").columns(["env", "at"]).execute();

      await db.schema
        .createTable("service_locks")
        .addColumn("service_key", "text", (c) => c.primaryKey())
        .addColumn("operation_id", "text", (c) => c.notNull())
        .addColumn("holder", "text", (c) => c.notNull())
        .addColumn("acquired_at", "text", (c) => c.notNull())
        .execute();
    },
  };
}
