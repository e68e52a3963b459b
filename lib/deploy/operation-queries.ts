// Reading operations back for the API: one by id, or a filtered page newest first. Views, not rows, so
// callers see exactly what GET /api/v1/operations/{id} documents.
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { childrenOf, getOperation, listOperations, StoreInputError } from "@/lib/store";
import { requireRole } from "@/lib/auth/require-role";
import type { StopRecord } from "@/lib/domain/rollback-statement";
import { stepsOf } from "./audit-trail";
import type { DeployContext } from "./context";
import { operationIdSchema, type OperationListQuery } from "./operation-list-input";
import { operationView, type OperationView } from "./operation-view";

/** The operation `id` as a view; 404 for an unknown id and for text that cannot be an operation id. */
export async function findOperationView(ctx: DeployContext, id: string): Promise<OperationView> {
  requireRole(ctx.actor, "viewer");
  const operation = operationIdSchema.safeParse(id).success ? await getOperation(ctx.store.db, id) : undefined;
  if (!operation) throw new NotFoundError("operation", id);
  if (operation.action !== "restore") return operationView(operation);
  return operationView(operation, (await childrenOf(ctx.store.db, [operation.id])).get(operation.id) ?? []);
}

export interface OperationViewPage {
  operations: OperationView[];
  nextCursor: string | null;
}

export async function listOperationViews(ctx: DeployContext, query: OperationListQuery): Promise<OperationViewPage> {
  requireRole(ctx.actor, "viewer");
  const { limit, cursor, outcome, ...filters } = query;
  try {
    const page = await listOperations(ctx.store.db, { ...filters, ...(outcome && { statuses: outcome }) }, { limit, ...(cursor && { cursor }) });
    return { operations: page.operations.map((op) => operationView(op)), nextCursor: page.nextCursor };
  } catch (error) {
    // A cursor that is not one of ours: the caller's input, not a server fault.
    if (error instanceof StoreInputError) throw new BadRequestError(`cursor: ${error.message}`);
    throw error;
  }
}

const OPERATIONS_LOOKED_AT = 20;

/**
 * Who stopped which service deployment through the dashboard, from the service's latest operations: a
 * `stop` operation (someone else's deployment), or a "stop" step on our own rollback or deploy.
 */
export async function stopsOfService(ctx: DeployContext, ref: { env: string; cluster: string; service: string }): Promise<StopRecord[]> {
  requireRole(ctx.actor, "viewer");
  const page = await listOperations(ctx.store.db, ref, { limit: OPERATIONS_LOOKED_AT });
  return page.operations.flatMap((op): StopRecord[] => {
    const arn = op.serviceDeploymentArn;
    if (op.action === "stop") return [{ serviceDeploymentArn: arn, actor: op.actor, role: op.role, reason: op.reason }];
    const by = stepsOf(op).find((step) => step.name === "stop" && step.by)?.by;
    return by ? [{ serviceDeploymentArn: arn, actor: by.name, role: by.role, reason: by.reason }] : [];
  });
}
