// Reading operations back for the API: one by id, or a filtered page newest first. Views, not rows, so
// callers see exactly what GET /api/v1/operations/{id} documents.
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { getOperation, listOperations, StoreInputError } from "@/lib/store";
import { requireRole } from "@/lib/auth/require-role";
import type { StopRecord } from "@/lib/domain/rollback-statement";
import type { DeployContext } from "./context";
import { operationIdSchema, type OperationListQuery } from "./operation-list-input";
import { operationView, type OperationView } from "./operation-view";

/** The operation `id` as a view; 404 for an unknown id and for text that cannot be an operation id. */
export async function findOperationView(ctx: DeployContext, id: string): Promise<OperationView> {
  requireRole(ctx.actor, "viewer");
  const operation = operationIdSchema.safeParse(id).success ? await getOperation(ctx.store.db, id) : undefined;
  if (!operation) throw new NotFoundError("operation", id);
  return operationView(operation);
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
    return { operations: page.operations.map(operationView), nextCursor: page.nextCursor };
  } catch (error) {
    // A cursor that is not one of ours: the caller's input, not a server fault.
    if (error instanceof StoreInputError) throw new BadRequestError(`cursor: ${error.message}`);
    throw error;
  }
}

const STOPS_LOOKED_AT = 20;

/** The service's latest "Stop and roll back" operations, for saying who stopped a rollout (rollback-statement.ts). */
export async function stopsOfService(ctx: DeployContext, ref: { env: string; cluster: string; service: string }): Promise<StopRecord[]> {
  requireRole(ctx.actor, "viewer");
  const page = await listOperations(ctx.store.db, { ...ref, action: "stop" }, { limit: STOPS_LOOKED_AT });
  return page.operations.map((op) => ({ deploymentId: op.ecsDeploymentId, actor: op.actor, role: op.role, reason: op.reason }));
}
