// POST /api/v1/services/{env}/{cluster}/{service}/stop — stop and roll back the deployment in progress
// (ECS StopServiceDeployment; see docs/api.md). 202 with the operation that now carries the stop (a new
// `stop` operation, or ours that follows that deployment); 200 for a replayed Idempotency-Key.
import { deployContext, operationView, serviceRefSchema, stopRequestSchema, stopRollout } from "@/lib/deploy";
import { parseOrBadRequest } from "@/lib/queries/params";
import { apiRoute } from "../../../../../_lib/api-route";
import { idempotencyKeyOf, jsonBody } from "../../../../../_lib/json-body";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ env: string; cluster: string; service: string }>("deployer", async (request, params, actor) => {
  const ref = parseOrBadRequest(serviceRefSchema, params);
  const idempotencyKey = idempotencyKeyOf(request);
  const body = await jsonBody(request, stopRequestSchema);
  const { operation, replayed } = await stopRollout(await deployContext(actor), { ref, idempotencyKey, ...body });
  return Response.json({ operation: operationView(operation) }, { status: replayed ? 200 : 202, headers: { "Cache-Control": "no-store" } });
});
