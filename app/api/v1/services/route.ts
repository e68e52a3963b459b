// GET /api/v1/services — the overview: every environment → cluster → service (see docs/api.md).
import { getOverview, wholeOverviewFailure } from "@/lib/queries/overview";
import { apiRoute, unavailable } from "../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute("viewer", async () => {
  const overview = await getOverview();
  const failure = wholeOverviewFailure(overview);
  return failure ? unavailable(failure) : overview;
});
