// GET  /api/v1/environments/{env}/restore?at=… — the restore plan, changing nothing.
// POST /api/v1/environments/{env}/restore — restore the ticked services to the moment (Idempotency-Key
// required): 202 {operation} with its children; a replay of the key answers 200 with the same restore.
// Deployers and admins only (see docs/api.md).
import { deployContext, operationView, planRestore, restorePlanQuerySchema, restoreRequestSchema, startRestore } from "@/lib/deploy";
import { BadRequestError } from "@/lib/errors";
import { envIdSchema, parseOrBadRequest } from "@/lib/queries/params";
import { apiRoute } from "../../../_lib/api-route";
import { idempotencyKeyOf, jsonBody } from "../../../_lib/json-body";

export const dynamic = "force-dynamic";

type Params = { env: string };

export const GET = apiRoute<Params>("deployer", async (request, params, actor) => {
  const query = new URL(request.url).searchParams;
  const unknown = [...query.keys()].find((name) => name !== "at");
  if (unknown) throw new BadRequestError(`Unknown query parameter "${unknown}": the plan takes only at`);
  const parsed = parseOrBadRequest(restorePlanQuerySchema, { env: params.env, at: query.get("at") ?? undefined });
  return planRestore(await deployContext(actor), parsed);
});

export const POST = apiRoute<Params>("deployer", async (request, params, actor) => {
  const env = parseOrBadRequest(envIdSchema, params.env);
  const idempotencyKey = idempotencyKeyOf(request);
  const body = await jsonBody(request, restoreRequestSchema);
  const { operation, children, created } = await startRestore(await deployContext(actor), { ...body, env, idempotencyKey });
  return Response.json({ operation: operationView(operation, children) }, { status: created ? 202 : 200, headers: { "Cache-Control": "no-store" } });
});
