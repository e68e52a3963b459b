// POST /api/v1/services/{env}/{cluster}/{service}/operations — roll back or deploy (see docs/api.md).
// 202 with the new operation; a replay of the same Idempotency-Key answers 200 with the one it created.
import { operationRequestSchema, startOperation } from "@/lib/deploy";
import { verbRoute } from "../../../../../_lib/verb-route";

export const dynamic = "force-dynamic";

export const POST = verbRoute(operationRequestSchema, async (ctx, input) => {
  const { operation, created } = await startOperation(ctx, input);
  return { operation, replayed: !created };
});
