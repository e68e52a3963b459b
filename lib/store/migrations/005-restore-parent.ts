// Restores: a parent operation (action `restore`, outcome `partial` when not every child succeeded) with
// one child operation per service, linked by parent_id. The new action and status widen two CHECK
// constraints. Postgres swaps them in place. SQLite cannot alter a CHECK, so both tables are rebuilt
// (audit_events too: its foreign key would otherwise block dropping the old operations table), rows
// copied with their ids, then the indexes and the append-only triggers of 001–003 made again.
import { sql, type Kysely, type Migration } from "kysely";
import type { DialectKind } from "../dialect";
import { ACTOR_KINDS, FOLLOW_MODES, OPERATION_ACTIONS, OPERATION_STATUSES } from "../types";
import { auditAppendOnly } from "./002-audit-append-only";

const oneOf = (column: string, values: readonly string[]) => sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

const OPERATION_COLUMNS = [
  "id", "idempotency_key", "env", "cluster", "service", "action", "status", "actor", "actor_kind", "role", "reason", "override_reason",
  "from_json", "to_json", "plan_json", "steps_json", "ecs_deployment_id", "service_deployment_arn", "follow_mode", "outcome_reason",
  "outcome_detail_json", "progress_json", "created_at", "started_at", "finished_at", "updated_at", "lease_owner", "lease_expires_at",
];
const AUDIT_COLUMNS = ["id", "at", "operation_id", "env", "cluster", "service", "actor", "actor_kind", "role", "kind", "message", "from_json", "to_json", "detail_json"];

async function createOperationsTable(db: Kysely<unknown>, name: string): Promise<void> {
  await db.schema
    .createTable(name)
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
    .addColumn("parent_id", "text", (c) => c.references(`${name}.id`))
    .addUniqueConstraint("operations_actor_idempotency_key", ["actor", "idempotency_key"])
    .execute();
}

async function createAuditTable(db: Kysely<unknown>, name: string, operations: string): Promise<void> {
  await db.schema
    .createTable(name)
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("operation_id", "text", (c) => c.references(`${operations}.id`))
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
}

const copy = (db: Kysely<unknown>, from: string, to: string, columns: string[]) =>
  sql`insert into ${sql.table(to)} (${sql.join(columns.map((c) => sql.ref(c)))}) select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(from)}`.execute(db);

async function createIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("operations_created").on("operations").columns(["created_at", "id"]).execute();
  await db.schema.createIndex("operations_service_created").on("operations").columns(["env", "cluster", "service", "created_at"]).execute();
  await db.schema.createIndex("operations_running").on("operations").column("lease_expires_at").where(sql.ref("status"), "=", "running").execute();
  await db.schema.createIndex("operations_service_deployment").on("operations").column("service_deployment_arn").execute();
  await db.schema.createIndex("audit_events_operation").on("audit_events").columns(["operation_id", "id"]).execute();
  await db.schema.createIndex("audit_events_env_at").on("audit_events").columns(["env", "at"]).execute();
}

async function sqliteRebuild(db: Kysely<unknown>): Promise<void> {
  await createOperationsTable(db, "operations_next");
  await copy(db, "operations", "operations_next", OPERATION_COLUMNS);
  await createAuditTable(db, "audit_events_next", "operations_next");
  await copy(db, "audit_events", "audit_events_next", AUDIT_COLUMNS);
  await db.schema.dropTable("audit_events").execute();
  await db.schema.dropTable("operations").execute();
  // Renaming rewrites the foreign keys that name operations_next (audit_events_next's and parent_id's).
  await db.schema.alterTable("operations_next").renameTo("operations").execute();
  await db.schema.alterTable("audit_events_next").renameTo("audit_events").execute();
  await createIndexes(db);
  await auditAppendOnly("sqlite").up(db);
}

async function postgresAlter(db: Kysely<unknown>): Promise<void> {
  await sql`alter table operations add column parent_id text references operations(id)`.execute(db);
  await sql`alter table operations drop constraint operations_action_check, drop constraint operations_status_check`.execute(db);
  await sql`alter table operations add constraint operations_action_check check (${oneOf("action", OPERATION_ACTIONS)}), add constraint operations_status_check check (${oneOf("status", OPERATION_STATUSES)})`.execute(db);
}

export function restoreParent(kind: DialectKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (kind === "postgres") await postgresAlter(db);
      else await sqliteRebuild(db);
      // A restore's page and the timeline read its children by parent.
      await db.schema.createIndex("operations_parent").on("operations").column("parent_id").execute();
    },
  };
}
