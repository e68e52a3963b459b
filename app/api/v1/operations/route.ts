// GET /api/v1/operations?env&cluster&service&actor&action&outcome&from&to&limit&cursor — operations
// newest first, with the timeline's filters, paginated by an opaque cursor (see docs/api.md).
import { deployContext, listOperationViews, operationListQuerySchema } from "@/lib/deploy";
import { parseOrBadRequest, searchParamsToObject } from "@/lib/queries/params";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute("viewer", async (request, _params, actor) => {
  const query = parseOrBadRequest(operationListQuerySchema, searchParamsToObject(new URL(request.url).searchParams));
  return listOperationViews(await deployContext(actor), query);
});
