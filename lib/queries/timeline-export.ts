// The filtered timeline as a download (GET /api/v1/timeline?format=csv|json): every page of the
// window, up to a cap so one click cannot ask for an unbounded file; the export says when it stopped.
import { toCsv } from "@/lib/domain/csv";
import { getTimeline, type Timeline, type TimelineOptions } from "./timeline";
import type { TimelineEntry } from "./timeline-entry";
import { TIMELINE_MAX_PAGE, type TimelineQuery } from "./timeline-query";

export const EXPORT_MAX_ROWS = 5000;

export interface TimelineExport extends Omit<Timeline, "nextCursor"> {
  /** True when the window held more than EXPORT_MAX_ROWS entries: narrow the filters to get the rest. */
  truncated: boolean;
}

export async function exportTimeline(query: TimelineQuery, opts: TimelineOptions = {}, maxRows = EXPORT_MAX_ROWS): Promise<TimelineExport> {
  const entries: TimelineEntry[] = [];
  let cursor: string | undefined;
  let page: Timeline;
  do {
    page = await getTimeline({ ...query, limit: Math.min(TIMELINE_MAX_PAGE, maxRows - entries.length), ...(cursor && { cursor }) }, opts);
    entries.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && entries.length < maxRows);
  const { nextCursor, ...rest } = page;
  return { ...rest, entries, truncated: nextCursor !== null };
}

const CSV_HEADER = [
  "at",
  "finished_at",
  "source",
  "environment",
  "cluster",
  "service",
  "action",
  "actor",
  "actor_role",
  "outcome",
  "ecs_status",
  "from",
  "to",
  "commits",
  "run_url",
  "reason",
  "detail",
  "operation_id",
  "parent_operation_id",
  "service_deployment_arn",
] as const;

/** A restore's row, then one row per child (their parent_operation_id names it). */
const withChildren = (entries: readonly TimelineEntry[]) => entries.flatMap((e) => [e, ...(e.children ?? [])]);

export function timelineCsv(entries: readonly TimelineEntry[]): string {
  return toCsv(
    CSV_HEADER,
    withChildren(entries).map((e) => [
      e.at,
      e.finishedAt,
      e.source,
      e.envId,
      e.cluster,
      e.service,
      e.action,
      e.actor?.name,
      e.actor?.role,
      e.outcome,
      e.ecsStatus,
      e.from.join(" "),
      e.to,
      e.commits.map((c) => `${c.container}=${c.sha}`).join(" "),
      e.runUrl,
      e.reason,
      e.detail,
      e.operationId,
      e.parentId,
      e.serviceDeploymentArn,
    ]),
  );
}
