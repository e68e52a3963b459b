// The shape of the POST routes that change a service (operations, stop): a deployer, the service's
// address, a required Idempotency-Key and a JSON body, then one lib/deploy verb. The answer is
// 202 {"operation"} for a change made now and 200 with the same operation for a replayed key.
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { deployContext, operationView, serviceRefSchema, type DeployContext, type ServiceRef } from "@/lib/deploy";
import { parseOrBadRequest } from "@/lib/queries/params";
import { apiRoute } from "./api-route";
import { idempotencyKeyOf, jsonBody } from "./json-body";

type ServiceParams = { env: string; cluster: string; service: string };
type Operation = Parameters<typeof operationView>[0];

export function verbRoute<B extends object>(
  bodySchema: z.ZodType<B>,
  verb: (ctx: DeployContext, input: B & { ref: ServiceRef; idempotencyKey: string }) => Promise<{ operation: Operation; replayed: boolean }>,
) {
  return apiRoute<ServiceParams>("deployer", async (request, params, actor: Actor) => {
    const ref = parseOrBadRequest(serviceRefSchema, params);
    const idempotencyKey = idempotencyKeyOf(request);
    const body = await jsonBody(request, bodySchema);
    const { operation, replayed } = await verb(await deployContext(actor), { ...body, ref, idempotencyKey });
    return Response.json({ operation: operationView(operation) }, { status: replayed ? 200 : 202, headers: { "Cache-Control": "no-store" } });
  });
}
