// Migrations build the schema once and are a no-op on an already-migrated database: after a restart
// (a new store on the same database) and, on Postgres, when two replicas start at once.
import { afterEach, describe, expect, it } from "vitest";
import { createOperation, getOperation, type Store } from "@/lib/store";
import { BACKENDS, postgresBackend, type Backend } from "./backends";
import { newOperation } from "./fixtures";

const ALL_MIGRATIONS = ["001-create-tables", "002-audit-append-only", "003-operations-service-deployment", "004-notification-outbox", "005-restore-parent"];

async function tableNames(store: Store): Promise<string[]> {
  const tables = await store.db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

describe.each(BACKENDS)("migrations on $name", ({ make }) => {
  let backend: Backend;
  afterEach(() => backend.dispose());

  it("creates the five tables, then applies nothing on a second run", async () => {
    backend = make();
    const store = backend.open(await backend.newDatabase());
    expect(await store.migrate()).toEqual(ALL_MIGRATIONS);
    expect(await tableNames(store)).toEqual(["audit_events", "leader_leases", "notification_outbox", "operations", "service_locks"]);
    expect(await store.migrate()).toEqual([]);
  });

  it("a restarted server (a new store on the same database) keeps the rows and migrates nothing", async () => {
    backend = make();
    const url = await backend.newDatabase();
    const first = backend.open(url);
    await first.migrate();
    const { operation } = await createOperation(first.db, newOperation());
    await first.close();
    const second = backend.open(url);
    expect(await second.migrate()).toEqual([]);
    expect(await getOperation(second.db, operation.id)).toEqual(operation);
  });
});

describe("migrations on postgres from two replicas starting at once", () => {
  let backend: Backend;
  afterEach(() => backend.dispose());

  it("apply once: one replica migrates, the other waits for it and finds nothing left to do", async () => {
    backend = postgresBackend();
    const url = await backend.newDatabase();
    const applied = await Promise.all([backend.open(url).migrate(), backend.open(url).migrate()]);
    expect(applied.flat().sort()).toEqual(ALL_MIGRATIONS);
  });
});
