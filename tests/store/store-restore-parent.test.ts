// Restores in the store: a parent operation (`restore`, outcome `partial`) with children linked by
// parent_id; migration 005 keeps every existing operation and audit row (ids included) and the audit
// trail stays append-only; the follower never claims a parent; the timeline can leave children out.
import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  appendAudit,
  childrenOf,
  claimFollowable,
  createOperation,
  getOperation,
  listAuditForOperation,
  listOperations,
  updateOperation,
} from "@/lib/store";
import { migrationProvider } from "@/lib/store/migrations";
import { APPEND_ONLY_MESSAGE } from "@/lib/store/migrations/002-audit-append-only";
import { BACKENDS, useStore } from "./backends";
import { at, auditEvent, newOperation, T0 } from "./fixtures";

describe.each(BACKENDS)("restore parents on $name", ({ make }) => {
  const { store, backend } = useStore(make);

  it("a restore holds its children; the timeline can list only top-level operations; partial is an outcome", async () => {
    const db = store().db;
    const { operation: parent } = await createOperation(db, newOperation({ action: "restore", cluster: "*", service: "*" }));
    const web = await createOperation(db, newOperation({ parentId: parent.id, service: "web", now: at(1) }));
    const worker = await createOperation(db, newOperation({ parentId: parent.id, service: "worker", now: at(1) }));
    expect(web.operation.parentId).toBe(parent.id);
    expect(parent.parentId).toBeNull();

    const children = await childrenOf(db, [parent.id]);
    expect(children.get(parent.id)?.map((op) => op.service)).toEqual(["web", "worker"]);
    const top = await listOperations(db, { topLevel: true });
    expect(top.operations.map((op) => op.id)).toContain(parent.id);
    expect(top.operations.map((op) => op.id)).not.toContain(worker.operation.id);
    expect((await listOperations(db, {})).operations.map((op) => op.id)).toContain(worker.operation.id);

    const ended = await updateOperation(db, parent.id, { status: "partial", outcomeReason: "1 of 2" }, { now: at(2) });
    expect(ended?.status).toBe("partial");
  });

  it("the follower claims the children, never the restore itself", async () => {
    const db = store().db;
    const { operation: parent } = await createOperation(db, newOperation({ action: "restore", cluster: "*", service: "*", now: at(10) }));
    const { operation: child } = await createOperation(db, newOperation({ parentId: parent.id, now: at(10) }));
    const claimed = await claimFollowable(db, { owner: "replica-a", now: at(11), ttlMs: 10_000, limit: 200 });
    expect(claimed.map((op) => op.id)).toContain(child.id);
    expect(claimed.map((op) => op.id)).not.toContain(parent.id);
  });

  it("a child must name an existing parent", async () => {
    await expect(createOperation(store().db, newOperation({ parentId: "00000000-0000-4000-8000-00000000dead" }))).rejects.toThrow();
  });

  it("migrating a database from 003 keeps its operations and audit rows, and the trail stays append-only", async () => {
    const target = backend().open(await backend().newDatabase());
    const migrator = new Migrator({ db: target.db, provider: migrationProvider(target.kind) });
    const before = await migrator.migrateTo("003-operations-service-deployment");
    expect(before.error).toBeUndefined();
    // An operation as 003's schema holds it (no parent_id yet).
    await sql`insert into operations (id, idempotency_key, env, cluster, service, action, status, actor, actor_kind, role, reason, from_json, to_json, plan_json, steps_json, created_at, started_at, updated_at)
      values ('11111111-1111-4111-8111-111111111111', 'key-old-1', 'sandbox', 'production', 'payments', 'rollback', 'succeeded', 'ada@example.com', 'user', 'deployer', 'INC-1', '{}', '{}', '{}', '[]', ${T0.toISOString()}, ${T0.toISOString()}, ${T0.toISOString()})`.execute(target.db);
    const audit = await appendAudit(target.db, auditEvent({ operationId: "11111111-1111-4111-8111-111111111111" }));

    expect(await target.migrate()).toContain("005-restore-parent");
    const kept = await getOperation(target.db, "11111111-1111-4111-8111-111111111111");
    expect(kept).toMatchObject({ status: "succeeded", parentId: null, reason: "INC-1" });
    const trail = await listAuditForOperation(target.db, "11111111-1111-4111-8111-111111111111");
    expect(trail.map((e) => e.id)).toEqual([audit.id]);
    const next = await appendAudit(target.db, auditEvent());
    expect(next.id).toBeGreaterThan(audit.id);
    await expect(sql`delete from audit_events`.execute(target.db)).rejects.toThrow(APPEND_ONLY_MESSAGE);
    await expect(sql`insert into operations (id, idempotency_key, env, cluster, service, action, status, actor, actor_kind, role, reason, from_json, to_json, plan_json, steps_json, created_at, updated_at)
      values ('22222222-2222-4222-8222-222222222222', 'key-bad', 'sandbox', 'production', 'payments', 'explode', 'running', 'ada@example.com', 'user', 'deployer', 'x', '{}', '{}', '{}', '[]', ${T0.toISOString()}, ${T0.toISOString()})`.execute(target.db)).rejects.toThrow();
  });
});
