// The timeline's query: operations newest first, filtered, paginated by keyset on (created_at, id) so a
// page costs the same at any depth and no total is counted. The cursor is opaque to callers.
import { z } from "zod";
import { timeText } from "./codec";
import { parseInput, StoreInputError } from "./input";
import { operationFromRow } from "./operation-row";
import { OPERATION_ACTIONS, OPERATION_STATUSES, type Operation, type StoreDb } from "./types";

export const MAX_PAGE_SIZE = 200;

const filtersSchema = z.strictObject({
  env: z.string().min(1).optional(),
  cluster: z.string().min(1).optional(),
  service: z.string().min(1).optional(),
  actor: z.string().min(1).optional(),
  action: z.enum(OPERATION_ACTIONS).optional(),
  statuses: z.array(z.enum(OPERATION_STATUSES)).min(1).optional(),
  /** Created at or after. */
  from: z.date().optional(),
  /** Created before. */
  to: z.date().optional(),
  /** Leave out a restore's children (the timeline folds them under their restore). */
  topLevel: z.boolean().optional(),
});

const pageSchema = z.strictObject({
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().min(1).optional(),
});

export type OperationFilters = z.input<typeof filtersSchema>;
export type PageRequest = z.input<typeof pageSchema>;
export interface OperationPage {
  operations: Operation[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1)]);

/** The cursor of the page that starts just after `operation` (a caller merging other rows stops mid-page). */
export function cursorAfter(operation: Operation): string {
  return Buffer.from(JSON.stringify([timeText(operation.createdAt), operation.id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new StoreInputError("Invalid page cursor: pass back the nextCursor of the previous page unchanged");
  }
}

export async function listOperations(db: StoreDb, filters: OperationFilters = {}, page: PageRequest = {}): Promise<OperationPage> {
  const f = parseInput(filtersSchema, filters, "operation filters");
  const { limit, cursor } = parseInput(pageSchema, page, "page");
  let query = db.selectFrom("operations").selectAll();
  if (f.env) query = query.where("env", "=", f.env);
  if (f.cluster) query = query.where("cluster", "=", f.cluster);
  if (f.service) query = query.where("service", "=", f.service);
  if (f.actor) query = query.where("actor", "=", f.actor);
  if (f.action) query = query.where("action", "=", f.action);
  if (f.statuses) query = query.where("status", "in", f.statuses);
  if (f.from) query = query.where("created_at", ">=", timeText(f.from));
  if (f.to) query = query.where("created_at", "<", timeText(f.to));
  if (f.topLevel) query = query.where("parent_id", "is", null);
  if (cursor) {
    const [createdAt, id] = decodeCursor(cursor);
    query = query.where((eb) =>
      eb.or([eb("created_at", "<", createdAt), eb.and([eb("created_at", "=", createdAt), eb("id", "<", id)])]),
    );
  }
  // One extra row says whether another page exists without counting.
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  const operations = rows.slice(0, limit).map(operationFromRow);
  const last = operations.at(-1);
  return { operations, nextCursor: rows.length > limit && last ? cursorAfter(last) : null };
}

// Bounded by what one timeline window lists; kept under every dialect's bound-parameter limit.
const ARN_BATCH = 500;

/**
 * Which of these ECS service deployments our operations made (their ARN → operation id): the timeline
 * shows those once, as ours, and only the others as made outside the dashboard.
 */
export async function operationsOfServiceDeployments(db: StoreDb, arns: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(arns)];
  for (let i = 0; i < unique.length; i += ARN_BATCH) {
    const rows = await db
      .selectFrom("operations")
      .select(["id", "service_deployment_arn"])
      .where("service_deployment_arn", "in", unique.slice(i, i + ARN_BATCH))
      .execute();
    for (const row of rows) if (row.service_deployment_arn) out.set(row.service_deployment_arn, row.id);
  }
  return out;
}

/** The children of these restores, oldest first (their order in the plan), grouped by parent. */
export async function childrenOf(db: StoreDb, parentIds: readonly string[]): Promise<Map<string, Operation[]>> {
  const out = new Map<string, Operation[]>();
  const unique = [...new Set(parentIds)];
  for (let i = 0; i < unique.length; i += ARN_BATCH) {
    const rows = await db.selectFrom("operations").selectAll().where("parent_id", "in", unique.slice(i, i + ARN_BATCH)).orderBy("created_at").orderBy("service").execute();
    for (const row of rows) {
      const op = operationFromRow(row);
      const parent = op.parentId as string;
      out.set(parent, [...(out.get(parent) ?? []), op]);
    }
  }
  return out;
}
