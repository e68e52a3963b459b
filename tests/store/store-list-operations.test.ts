// The timeline query: newest first, every filter, and keyset pages that neither skip nor repeat rows,
// even when many operations share one created_at.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createOperation, cursorAfter, listOperations, operationsOfServiceDeployments, StoreInputError, updateOperation, type Operation } from "@/lib/store";
import { BACKENDS, useStore } from "./backends";
import { at, newOperation } from "./fixtures";

describe.each(BACKENDS)("listOperations on $name", ({ make }) => {
  const { store } = useStore(make);
  // Every test filters on this env, so rows other files' tests might add never interfere.
  const env = `timeline-${randomUUID().slice(0, 8)}`;
  const created: Operation[] = [];

  beforeAll(async () => {
    // 12 operations: two services, two actors, three at the same instant (the keyset's tie-break on id).
    const seconds = [0, 10, 20, 30, 30, 30, 40, 50, 60, 70, 80, 90];
    for (const [i, second] of seconds.entries()) {
      const { operation } = await createOperation(
        store().db,
        newOperation({ env, service: i % 2 ? "web" : "payments", actor: i % 3 ? "ada" : "bob", action: i === 11 ? "deploy" : "rollback", now: at(second) }),
      );
      created.push(operation);
    }
    const [, second, third] = created;
    if (!second || !third) throw new Error("the fixtures were not created");
    await updateOperation(store().db, second.id, { status: "rolled_back" }, { now: at(100) });
    await updateOperation(store().db, third.id, { status: "succeeded" }, { now: at(100) });
  });

  const newestFirst = (ops: Operation[]) =>
    [...ops].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((op) => op.id);
  const ids = (ops: Operation[]) => ops.map((op) => op.id);

  it("walks every operation newest first in pages of 5, with no repeats or gaps, and ends with a null cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listOperations(store().db, { env }, { limit: 5, cursor });
      seen.push(...ids(page.operations));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst(created));
  });

  it.each([
    ["service", { service: "web" }, (op: Operation) => op.service === "web"],
    ["actor", { actor: "bob" }, (op: Operation) => op.actor === "bob"],
    ["action", { action: "deploy" as const }, (op: Operation) => op.action === "deploy"],
    ["outcome", { statuses: ["rolled_back" as const, "succeeded" as const] }, (_op: Operation, i: number) => i === 1 || i === 2],
    ["time window [30 s, 60 s)", { from: at(30), to: at(60) }, (op: Operation) => op.createdAt >= at(30) && op.createdAt < at(60)],
    ["cluster (none match)", { cluster: "staging" }, () => false],
  ])("filters by %s", async (_name, filters, expected) => {
    const page = await listOperations(store().db, { env, ...filters }, { limit: 50 });
    expect(ids(page.operations)).toEqual(newestFirst(created.filter(expected)));
    expect(page.nextCursor).toBeNull();
  });

  it.each<[string, { filters?: object; page?: object }, string]>([
    ["a cursor that is not one of ours", { page: { cursor: "not-a-cursor" } }, "cursor"],
    ["a page size of 0", { page: { limit: 0 } }, "limit"],
    ["a page size over 200", { page: { limit: 201 } }, "limit"],
    ["an unknown status", { filters: { statuses: ["done"] } }, "statuses"],
    ["an unknown filter", { filters: { colour: "red" } }, "colour"],
  ])("refuses %s with a StoreInputError", async (_case, { filters = {}, page = {} }, mention) => {
    const attempt = listOperations(store().db, { env, ...filters } as never, page as never);
    await expect(attempt).rejects.toThrow(StoreInputError);
    await expect(attempt).rejects.toThrow(mention);
  });

  it("resumes just after any operation with cursorAfter (a caller that stopped mid-page)", async () => {
    const order = newestFirst(created);
    const stoppedAt = created.find((op) => op.id === order[3]);
    if (!stoppedAt) throw new Error("no fourth operation");
    const page = await listOperations(store().db, { env }, { limit: 50, cursor: cursorAfter(stoppedAt) });
    expect(ids(page.operations)).toEqual(order.slice(4));
  });

  it("says which ECS service deployments our operations made", async () => {
    const [first, second] = created;
    if (!first || !second) throw new Error("the fixtures were not created");
    const arn = (n: string) => `arn:aws:ecs:ap-south-1:123456789012:service-deployment/production/${env}/${n}`;
    await updateOperation(store().db, first.id, { serviceDeploymentArn: arn("a") }, { now: at(100) });
    await updateOperation(store().db, second.id, { serviceDeploymentArn: arn("b") }, { now: at(100) });
    const ours = await operationsOfServiceDeployments(store().db, [arn("a"), arn("b"), arn("someone-else"), arn("a")]);
    expect(Object.fromEntries(ours)).toEqual({ [arn("a")]: first.id, [arn("b")]: second.id });
    expect(await operationsOfServiceDeployments(store().db, [])).toEqual(new Map());
  });
});
