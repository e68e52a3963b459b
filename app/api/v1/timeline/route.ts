// GET /api/v1/timeline — the "what changed?" timeline with the Audit page's filters (see docs/api.md):
// one page as JSON by default (`cursor` for the next), or the whole filtered window as a download with
// `format=csv` or `format=json`.
import { BadRequestError } from "@/lib/errors";
import { getTimeline } from "@/lib/queries/timeline";
import { exportTimeline, timelineCsv } from "@/lib/queries/timeline-export";
import { parseTimelineQuery } from "@/lib/queries/timeline-query";
import { searchParamsToObject } from "@/lib/queries/params";
import { apiRoute } from "../_lib/api-route";

export const dynamic = "force-dynamic";

const FORMATS = ["csv", "json"];

function download(body: string, type: string, name: string, truncated: boolean): Response {
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      // CSV has no place for it in the body: scripts and the page read it here.
      "X-Timeline-Truncated": String(truncated),
    },
  });
}

export const GET = apiRoute("viewer", async (request) => {
  const { format, ...params } = searchParamsToObject(new URL(request.url).searchParams);
  if (format !== undefined && !FORMATS.includes(format)) throw new BadRequestError("format: must be csv or json");
  const now = new Date();
  const query = parseTimelineQuery(params, now);
  if (format === undefined) return getTimeline(query, { now });
  if (query.cursor) throw new BadRequestError("cursor: an export covers the whole filtered window; leave cursor out");
  const exported = await exportTimeline(query, { now });
  const name = `timeline-${now.toISOString().replaceAll(":", "-").slice(0, 19)}.${format}`;
  return format === "csv"
    ? download(timelineCsv(exported.entries), "text/csv; charset=utf-8", name, exported.truncated)
    : download(JSON.stringify(exported), "application/json", name, exported.truncated);
});
