// Opens the Kysely handle for a DatabaseTarget. SQLite: WAL so readers never wait for the writer, a busy
// timeout so a second process waits for the lock instead of failing, and foreign keys on (SQLite's
// default is off). Postgres: one pg Pool.
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresAdapter, PostgresDialect, SqliteAdapter, SqliteDialect, type DialectAdapter } from "kysely";
import { Pool } from "pg";
import { log } from "@/lib/observability/logger";
import type { DatabaseTarget } from "./database-url";
import type { Database } from "./schema";

export type DialectKind = DatabaseTarget["kind"];

const SQLITE_BUSY_TIMEOUT_MS = 5_000;

// SQLite does roll back CREATE TABLE inside a transaction, but Kysely's adapter says it cannot, so its
// Migrator would run each migration outside one and a crash mid-migration would leave half a schema.
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class SqliteDialectWithTransactionalDdl extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function openDatabase(target: DatabaseTarget): Kysely<Database> {
  if (target.kind === "postgres") {
    const pool = new Pool({ connectionString: target.connectionString });
    // An idle connection the database (or the network) drops is an 'error' on the pool; unhandled, it is an
    // uncaught exception (the end of a plain Node process, a bare stack trace under Next). The pool discards
    // that connection and the next query opens another, so an outage is one warn line and is outlived:
    // readiness answers 503 until the database is back.
    pool.on("error", (error) => log().warn({ err: error }, "store: a database connection was lost"));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  mkdirSync(path.dirname(path.resolve(target.filename)), { recursive: true });
  const database = new BetterSqlite3(target.filename);
  database.pragma("journal_mode = WAL");
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new SqliteDialectWithTransactionalDdl({ database }) });
}

/** Which dialect a handle (or a transaction on it) speaks, for the few queries that differ. */
export function dialectOf(db: Kysely<Database>): DialectKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
