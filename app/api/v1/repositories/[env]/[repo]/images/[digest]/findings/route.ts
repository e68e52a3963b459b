// GET /api/v1/repositories/{env}/{repo}/images/{digest}/findings — scan findings of one image,
// with the images of the repository running now for comparison (see docs/api.md).
import { getImageDetail } from "@/lib/queries/image-detail";
import { imageParamsSchema, parseOrBadRequest } from "@/lib/queries/params";
import { apiRoute } from "../../../../../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ env: string; repo: string; digest: string }>("viewer", async (_request, params) => {
  const { env, repo, digest } = parseOrBadRequest(imageParamsSchema, params);
  return getImageDetail(env, repo, digest);
});
