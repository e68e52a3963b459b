// One operation by id, for its page and GET /api/v1/operations/{id}: read from the store only (the
// follower keeps it current), so following an operation never costs an AWS call.
import { z } from "zod";
import { requireRole } from "@/lib/auth/require-role";
import { NotFoundError } from "@/lib/errors";
import { getOperation } from "@/lib/store";
import type { DeployContext } from "./context";
import { operationView, type OperationView } from "./operation-view";

/** Operation ids are the UUIDs start-operation mints. */
export const operationIdSchema = z.uuid({ error: "operation id must be a UUID" });

export async function readOperation(ctx: DeployContext, id: string): Promise<OperationView> {
  requireRole(ctx.actor, "viewer");
  const operation = await getOperation(ctx.store.db, id);
  if (!operation) throw new NotFoundError("operation", id);
  return operationView(operation);
}
