// The audit trail: appended in order, read back per operation, and append-only in the database itself.
import { sql } from "kysely";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appendAudit, createOperation, listAuditForOperation, StoreInputError } from "@/lib/store";
import { BACKENDS, useStore } from "./backends";
import { at, auditEvent, newOperation } from "./fixtures";

describe.each(BACKENDS)("audit events on $name", ({ make, name }) => {
  const { store } = useStore(make);

  async function operationWithEvents() {
    const { operation } = await createOperation(store().db, newOperation());
    const intent = await appendAudit(store().db, auditEvent({ operationId: operation.id, kind: "intent", from: operation.from, to: operation.to }));
    const step = await appendAudit(store().db, auditEvent({ operationId: operation.id, kind: "step", at: at(1), message: "UpdateService accepted", detail: { deploymentId: "ecs-svc/1" } }));
    return { operation, intent, step };
  }

  it("appends events with increasing ids and lists one operation's events in order", async () => {
    const { operation, intent, step } = await operationWithEvents();
    await appendAudit(store().db, auditEvent({ kind: "refused", message: "Locked by ada since 10:00" }));
    expect(step.id).toBeGreaterThan(intent.id);
    expect(intent).toMatchObject({ operationId: operation.id, kind: "intent", from: operation.from, to: operation.to, detail: null, actorKind: "user" });
    expect(await listAuditForOperation(store().db, operation.id)).toEqual([intent, step]);
  });

  it.each([
    ["UPDATE", (id: number) => sql`update audit_events set message = 'rewritten' where id = ${id}`],
    ["DELETE", (id: number) => sql`delete from audit_events where id = ${id}`],
  ])("the database refuses %s on audit_events", async (_verb, statement) => {
    const { operation, intent } = await operationWithEvents();
    await expect(statement(intent.id).execute(store().db)).rejects.toThrow("audit_events is append-only");
    expect(await listAuditForOperation(store().db, operation.id)).toHaveLength(2);
  });

  // SQLite has no TRUNCATE; its equivalent, an unqualified DELETE, must not take the truncate shortcut past the trigger.
  it("the database refuses emptying audit_events (TRUNCATE on Postgres, DELETE of every row on SQLite)", async () => {
    const { operation } = await operationWithEvents();
    const emptyAll = name === "postgres" ? sql`truncate audit_events` : sql`delete from audit_events`;
    await expect(emptyAll.execute(store().db)).rejects.toThrow("audit_events is append-only");
    expect(await listAuditForOperation(store().db, operation.id)).toHaveLength(2);
  });

  it("an event for an operation that does not exist is refused", async () => {
    await expect(appendAudit(store().db, auditEvent({ operationId: randomUUID() }))).rejects.toThrow();
  });

  it.each([
    ["an unknown kind", { kind: "edited" }, "kind"],
    ["an empty message", { message: "" }, "message"],
    ["no actor", { actor: "" }, "actor"],
  ])("refuses %s with a StoreInputError naming the field", async (_case, overrides, field) => {
    const attempt = appendAudit(store().db, auditEvent(overrides as never));
    await expect(attempt).rejects.toThrow(StoreInputError);
    await expect(attempt).rejects.toThrow(field);
  });
});
