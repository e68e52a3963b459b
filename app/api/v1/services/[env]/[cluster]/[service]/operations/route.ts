// POST /api/v1/services/{env}/{cluster}/{service}/operations — roll back or deploy (see docs/api.md).
// 202 with the new operation; a replay of the same Idempotency-Key answers 200 with the one it created.
import { deployContext, operationRequestSchema, operationView, serviceRefSchema, startOperation } from "@/lib/deploy";
import { parseOrBadRequest } from "@/lib/queries/params";
import { apiRoute } from "../../../../../_lib/api-route";
import { idempotencyKeyOf, jsonBody } from "../../../../../_lib/json-body";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ env: string; cluster: string; service: string }>("deployer", async (request, params, actor) => {
  const ref = parseOrBadRequest(serviceRefSchema, params);
  const idempotencyKey = idempotencyKeyOf(request);
  const body = await jsonBody(request, operationRequestSchema);
  const { operation, created } = await startOperation(await deployContext(actor), { ref, idempotencyKey, ...body });
  return Response.json({ operation: operationView(operation) }, { status: created ? 202 : 200, headers: { "Cache-Control": "no-store" } });
});
