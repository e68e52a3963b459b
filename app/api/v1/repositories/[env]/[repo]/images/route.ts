// GET /api/v1/repositories/{env}/{repo}/images?page&pageSize&prod&severity&q — image history (see docs/api.md).
import { getImageHistory } from "@/lib/queries/image-history";
import { imageHistoryQuerySchema, parseOrBadRequest, repositoryParamsSchema, searchParamsToObject } from "@/lib/queries/params";
import { apiRoute } from "../../../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ env: string; repo: string }>("viewer", async (request, params) => {
  const { env, repo } = parseOrBadRequest(repositoryParamsSchema, params);
  const query = parseOrBadRequest(imageHistoryQuerySchema, searchParamsToObject(new URL(request.url).searchParams));
  return getImageHistory(env, repo, query);
});
