// GET /api/v1/operations/{id} — one operation as docs/api.md shows it; the operation page polls it
// every second while the operation runs. It reads the store only.
import { deployContext, operationIdSchema, readOperation } from "@/lib/deploy";
import { parseOrBadRequest } from "@/lib/queries/params";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("viewer", async (_request, params, actor) => {
  const id = parseOrBadRequest(operationIdSchema, params.id);
  return readOperation(await deployContext(actor), id);
});
