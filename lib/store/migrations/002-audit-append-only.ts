// The audit trail is append-only in the database itself, not just by having no update function: a
// bug, a script or a hand-typed query that tries to UPDATE or DELETE an audit row is refused.
import { sql, type Kysely, type Migration } from "kysely";
import type { DialectKind } from "../dialect";

export const APPEND_ONLY_MESSAGE = "audit_events is append-only";

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  for (const verb of ["update", "delete"]) {
    await sql
      .raw(`create trigger audit_events_no_${verb} before ${verb} on audit_events begin select raise(abort, '${APPEND_ONLY_MESSAGE}'); end`)
      .execute(db);
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create function audit_events_refuse_change() returns trigger language plpgsql as $$
       begin raise exception '${APPEND_ONLY_MESSAGE}'; end $$`,
    )
    .execute(db);
  await sql
    .raw(`create trigger audit_events_no_update_delete before update or delete on audit_events
          for each row execute function audit_events_refuse_change()`)
    .execute(db);
  // TRUNCATE skips row triggers; refuse it with a statement trigger.
  await sql
    .raw(`create trigger audit_events_no_truncate before truncate on audit_events
          for each statement execute function audit_events_refuse_change()`)
    .execute(db);
}

export function auditAppendOnly(kind: DialectKind): Migration {
  return { up: (db) => (kind === "postgres" ? postgresTriggers(db) : sqliteTriggers(db)) };
}
