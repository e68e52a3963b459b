// GET /api/v1/services/{env}/{cluster}/{service} — the service page's data (see docs/api.md).
import { parseOrBadRequest, serviceParamsSchema } from "@/lib/queries/params";
import { getServiceDetail } from "@/lib/queries/service-detail";
import { apiRoute } from "../../../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ env: string; cluster: string; service: string }>("viewer", async (_request, params) => {
  const { env, cluster, service } = parseOrBadRequest(serviceParamsSchema, params);
  return getServiceDetail(env, cluster, service);
});
