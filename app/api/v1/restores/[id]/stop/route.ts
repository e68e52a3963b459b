// POST /api/v1/restores/{id}/stop — stop and roll back every child of the restore still in progress
// (Idempotency-Key required; see docs/api.md): 202 {operation, children: [{…, stopped, message}]}.
import { deployContext, operationView, restoreStopSchema, stopRestore } from "@/lib/deploy";
import { apiRoute } from "../../../_lib/api-route";
import { idempotencyKeyOf, jsonBody } from "../../../_lib/json-body";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>("deployer", async (request, params, actor) => {
  const idempotencyKey = idempotencyKeyOf(request);
  const body = await jsonBody(request, restoreStopSchema);
  const { operation, children } = await stopRestore(await deployContext(actor), { id: params.id ?? "", reason: body.reason, idempotencyKey });
  return Response.json({ operation: operationView(operation), children }, { status: 202, headers: { "Cache-Control": "no-store" } });
});
