// Every store test runs against both databases: a SQLite file in a temporary directory, and a fresh
// Postgres database created for the test file and dropped after it, so runs never see each other's rows.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createStore, type Store } from "@/lib/store";
import { testDatabaseUrl } from "../../scripts/lib/test-postgres-url";

export interface Backend {
  name: "sqlite" | "postgres";
  /** The DATABASE_URL of a new, empty database. */
  newDatabase(): Promise<string>;
  /** A store on `url` (unmigrated), closed by `dispose`. */
  open(url: string): Store;
  /** Closes every store and drops every database this backend made. */
  dispose(): Promise<void>;
}

function tracked(stores: Store[], url: string): Store {
  const store = createStore(url);
  stores.push(store);
  return store;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(path.join(tmpdir(), "steady-store-"));
  const stores: Store[] = [];
  return {
    name: "sqlite",
    newDatabase: async () => `file:${path.join(dir, `${randomUUID()}.db`)}`,
    open: (url) => tracked(stores, url),
    async dispose() {
      await Promise.all(stores.map((store) => store.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = testDatabaseUrl();
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Postgres for the store tests is unreachable at ${adminUrl} (${(error as Error).message}); run \`npx tsx scripts/ensure-postgres.ts\` or set TEST_DATABASE_URL`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function postgresBackend(): Backend {
  const databases: string[] = [];
  const stores: Store[] = [];
  return {
    name: "postgres",
    async newDatabase() {
      const name = `steady_store_${randomUUID().replaceAll("-", "")}`;
      await withAdmin((client) => client.query(`create database ${name}`));
      databases.push(name);
      const url = new URL(testDatabaseUrl());
      url.pathname = `/${name}`;
      return url.toString();
    },
    open: (url) => tracked(stores, url),
    async dispose() {
      await Promise.all(stores.map((store) => store.close()));
      if (databases.length === 0) return;
      await withAdmin(async (client) => {
        for (const name of databases) await client.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}

/** For `describe.each(BACKENDS)("$name", ({ make }) => …)`. */
export const BACKENDS = [
  { name: "sqlite", make: sqliteBackend },
  { name: "postgres", make: postgresBackend },
];

/** A migrated store for the calling describe block, on `makeBackend`, cleaned up after it. */
export function useStore(makeBackend: () => Backend): { store: () => Store; backend: () => Backend } {
  let backend: Backend | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    backend = makeBackend();
    store = backend.open(await backend.newDatabase());
    await store.migrate();
  });
  afterAll(async () => {
    await backend?.dispose();
  });
  return {
    store: () => store ?? failNotReady(),
    backend: () => backend ?? failNotReady(),
  };
}

function failNotReady(): never {
  throw new Error("The store is used before beforeAll ran");
}

/** A fresh migrated database on the block's backend, for tests whose claims pick any due row and so must not share one. */
export async function freshStore(backend: Backend): Promise<Store> {
  const store = backend.open(await backend.newDatabase());
  await store.migrate();
  return store;
}
