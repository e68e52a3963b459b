// One Store per database: the Kysely handle, its migrations, transactions and shutdown. The server uses
// the getStore() singleton (migrated before first use); tests call createStore(url) for their own database.
import { Migrator, sql } from "kysely";
import { parseDatabaseUrl } from "./database-url";
import { dialectOf, openDatabase, type DialectKind } from "./dialect";
import { migrationProvider } from "./migrations";
import type { StoreDb } from "./types";

export interface Store {
  readonly kind: DialectKind;
  readonly db: StoreDb;
  /** Applies the migrations not yet applied (safe to run again, and from several replicas at once). Returns their names. */
  migrate(): Promise<string[]>;
  /** Runs `work` in one transaction: everything it writes commits together, or nothing does. */
  transaction<T>(work: (tx: StoreDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function migrate(db: StoreDb): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialectOf(db)) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === "Error")?.migrationName ?? "(before any migration ran)";
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return results.map((result) => result.migrationName);
}

// SQLite: BEGIN IMMEDIATE takes the write lock up front, so two processes on one file queue on the busy
// timeout instead of one failing when its read transaction tries to become a write (SQLITE_BUSY).
async function sqliteTransaction<T>(db: StoreDb, work: (tx: StoreDb) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/** A store on `databaseUrl` (a DATABASE_URL value; undefined means the default SQLite file). Not yet migrated. */
export function createStore(databaseUrl: string | undefined): Store {
  const target = parseDatabaseUrl(databaseUrl);
  const db = openDatabase(target);
  return {
    kind: target.kind,
    db,
    migrate: () => migrate(db),
    transaction: (work) => (target.kind === "sqlite" ? sqliteTransaction(db, work) : db.transaction().execute(work)),
    close: () => db.destroy(),
  };
}

// Kept on globalThis: Next bundles instrumentation.ts and the routes separately, and they must share one
// pool (and one SQLite connection, whose in-process mutex serialises writers).
const KEY = Symbol.for("steady-state.store");
const holder = globalThis as typeof globalThis & { [KEY]?: Promise<Store> };

async function openMigrated(): Promise<Store> {
  const store = createStore(process.env.DATABASE_URL);
  try {
    await store.migrate();
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The server's store on DATABASE_URL, migrated once. A failure rejects this call and the next one tries again. */
export function getStore(): Promise<Store> {
  holder[KEY] ??= openMigrated().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

/**
 * Closes the server's store if it was opened (at shutdown, after in-flight requests had their grace);
 * never opens one. A store that failed to open has nothing to close.
 */
export async function closeServerStore(): Promise<void> {
  const opening = holder[KEY];
  if (!opening) return;
  delete holder[KEY];
  const store = await opening.catch(() => undefined);
  await store?.close();
}
