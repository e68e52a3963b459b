// Operations: idempotent creation (one row for any number of retries of one click), guarded updates,
// validation, and the one-transaction rule that keeps an operation and its audit row together.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appendAudit, createOperation, getOperation, listAuditForOperation, listOperations, StoreInputError, updateOperation } from "@/lib/store";
import { BACKENDS, useStore } from "./backends";
import { at, auditEvent, newOperation, T0 } from "./fixtures";

describe.each(BACKENDS)("operations on $name", ({ make }) => {
  const { store } = useStore(make);

  it("creates a running operation with everything it was given, readable by id", async () => {
    const input = newOperation({ overrideReason: "admin accepts the CRITICAL: INC-42" });
    const result = await createOperation(store().db, input);
    expect(result.created).toBe(true);
    expect(result.operation).toMatchObject({
      status: "running",
      action: "rollback",
      actor: input.actor,
      actorKind: "user",
      role: "deployer",
      reason: input.reason,
      overrideReason: "admin accepts the CRITICAL: INC-42",
      from: input.from,
      to: input.to,
      plan: input.plan,
      steps: [],
      ecsDeploymentId: null,
      followMode: null,
      createdAt: T0,
      startedAt: T0,
      finishedAt: null,
      leaseOwner: null,
    });
    expect(await getOperation(store().db, result.operation.id)).toEqual(result.operation);
  });

  it("the same actor and idempotency key returns the first operation; another actor with that key gets its own", async () => {
    const key = randomUUID();
    const first = await createOperation(store().db, newOperation({ idempotencyKey: key }));
    const retry = await createOperation(store().db, newOperation({ idempotencyKey: key, reason: "double click", now: at(1) }));
    const other = await createOperation(store().db, newOperation({ idempotencyKey: key, actor: "bob@example.com" }));
    expect(retry).toEqual({ created: false, operation: first.operation });
    expect(other.created).toBe(true);
    expect(other.operation.id).not.toBe(first.operation.id);
  });

  it("ten simultaneous creates with one idempotency key make one row, and all ten see it", async () => {
    const key = randomUUID();
    const service = `race-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store().transaction((tx) => createOperation(tx, newOperation({ idempotencyKey: key, service })))),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.operation.id)).size).toBe(1);
    expect((await listOperations(store().db, { service })).operations).toHaveLength(1);
  });

  it("updates what the patch names, leaves the rest, and stamps updated_at", async () => {
    const { operation } = await createOperation(store().db, newOperation());
    const ecs = {
      ecsDeploymentId: "ecs-svc/123",
      serviceDeploymentArn: "arn:aws:ecs:ap-south-1:123456789012:service-deployment/production/payments/abc",
      followMode: "service-deployments" as const,
      steps: [{ name: "UpdateService", ok: true }],
    };
    const updated = await updateOperation(store().db, operation.id, ecs, { now: at(2) });
    expect(updated).toEqual({ ...operation, ...ecs, updatedAt: at(2) });
    const outcome = {
      status: "rolled_back" as const,
      outcomeReason: "circuit breaker",
      outcomeDetail: { stoppedTasks: ["Essential container exited"] },
      finishedAt: at(60),
    };
    const finished = await updateOperation(store().db, operation.id, outcome, { now: at(60) });
    expect(finished).toEqual({ ...operation, ...ecs, ...outcome, updatedAt: at(60) });
  });

  it("a guarded update does nothing once the guard fails (finished, or followed by another replica)", async () => {
    const { operation } = await createOperation(store().db, newOperation());
    await updateOperation(store().db, operation.id, { status: "succeeded" }, { now: at(1) });
    expect(await updateOperation(store().db, operation.id, { status: "timed_out" }, { now: at(2), guard: { status: "running" } })).toBeUndefined();
    expect(await updateOperation(store().db, operation.id, { progress: { running: 1 } }, { now: at(2), guard: { leaseOwner: "replica-b" } })).toBeUndefined();
    expect((await getOperation(store().db, operation.id))?.status).toBe("succeeded");
    expect(await updateOperation(store().db, randomUUID(), { status: "failed" }, { now: at(2) })).toBeUndefined();
  });

  it.each([
    ["an empty reason", { reason: "  " }, "reason"],
    ["a reason over 1,000 characters", { reason: "x".repeat(1001) }, "reason"],
    ["an unknown action", { action: "delete" }, "action"],
    ["an unknown actor kind", { actorKind: "robot" }, "actorKind"],
    ["no plan", { plan: undefined }, "plan"],
    ["no idempotency key", { idempotencyKey: "" }, "idempotencyKey"],
  ])("refuses %s with a StoreInputError naming the field", async (_case, overrides, field) => {
    const attempt = createOperation(store().db, newOperation(overrides as never));
    await expect(attempt).rejects.toThrow(StoreInputError);
    await expect(attempt).rejects.toThrow(field);
  });

  it("refuses an unknown status in an update and writes nothing", async () => {
    const { operation } = await createOperation(store().db, newOperation());
    await expect(updateOperation(store().db, operation.id, { status: "done" as never }, { now: at(1) })).rejects.toThrow(StoreInputError);
    expect(await getOperation(store().db, operation.id)).toEqual(operation);
  });

  it("an operation and its intent row commit together or not at all", async () => {
    const input = newOperation();
    let createdId = "";
    const failing = store().transaction(async (tx) => {
      const { operation } = await createOperation(tx, input);
      createdId = operation.id;
      await appendAudit(tx, auditEvent({ operationId: operation.id, kind: "intent" }));
      throw new Error("store went away before UpdateService");
    });
    await expect(failing).rejects.toThrow("store went away");
    expect(await getOperation(store().db, createdId)).toBeUndefined();
    expect(await listAuditForOperation(store().db, createdId)).toEqual([]);
    // The retry with the same key is a fresh creation, not a pointer to the rolled-back row.
    expect((await createOperation(store().db, input)).created).toBe(true);
  });
});
