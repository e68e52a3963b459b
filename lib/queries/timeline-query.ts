// What a timeline request may ask for, from a URL's query string (the Audit page, GET /api/v1/timeline):
// filters, the time window and the page. One zod schema for both, so they refuse the same input with
// the same message.
import { z } from "zod";
import { resolveWindow, WINDOW_PRESETS, type TimeWindow, type WindowPreset } from "@/lib/domain/time-window";
import { TIMELINE_OUTCOMES, type TimelineOutcome } from "@/lib/domain/timeline-outcome";
import { BadRequestError } from "@/lib/errors";
import { clusterNameSchema, envIdSchema, parseOrBadRequest, serviceNameSchema } from "./params";

export const TIMELINE_SOURCES = ["ours", "outside"] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];
export const TIMELINE_MAX_PAGE = 200;

// Forms submit empty fields as "": they mean "not filtered".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), schema.optional());

// <input type="datetime-local"> sends "2026-12-01T10:00" without a zone: the page says times are UTC.
const instant = z.iso
  .datetime({ local: true, offset: true })
  .transform((text) => new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`));

const timelineQuerySchema = z.object({
  env: optional(envIdSchema),
  cluster: optional(clusterNameSchema),
  service: optional(serviceNameSchema),
  actor: optional(z.string().max(200, "must be at most 200 characters")),
  outcome: optional(z.enum(TIMELINE_OUTCOMES)),
  source: optional(z.enum(TIMELINE_SOURCES)),
  window: optional(z.enum([...(Object.keys(WINDOW_PRESETS) as WindowPreset[]), "custom"])),
  from: optional(instant),
  to: optional(instant),
  cursor: optional(z.string().max(2000, "is not a cursor this server issued")),
  limit: optional(z.coerce.number().int().min(1).max(TIMELINE_MAX_PAGE)),
});

export interface TimelineFilters {
  env?: string;
  cluster?: string;
  service?: string;
  /** An operation's actor (user email or token name); deployments made outside the dashboard have none. */
  actor?: string;
  outcome?: TimelineOutcome;
  source?: TimelineSource;
}

export interface TimelineQuery {
  filters: TimelineFilters;
  window: TimeWindow;
  cursor?: string;
  limit: number;
}

/** A validated query at `now`; BadRequestError (400) naming the first bad field otherwise. */
export function parseTimelineQuery(params: Record<string, string>, now: Date): TimelineQuery {
  const { window, from, to, cursor, limit, ...filters } = parseOrBadRequest(timelineQuerySchema, params);
  const resolved = resolveWindow({ ...(window && { window }), ...(from && { from }), ...(to && { to }) }, now);
  if ("error" in resolved) throw new BadRequestError(resolved.error);
  const defined = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as TimelineFilters;
  return { filters: defined, window: resolved, ...(cursor && { cursor }), limit: limit ?? 50 };
}

/** The query string of a timeline view (filters and window, no cursor): page links and export links build on it. */
export function timelineSearchParams(query: TimelineQuery): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query.filters)) if (value) out.set(key, value);
  if (query.window.preset === "custom") {
    out.set("from", query.window.from.toISOString());
    out.set("to", query.window.to.toISOString());
  } else out.set("window", query.window.preset);
  if (query.limit !== 50) out.set("limit", String(query.limit));
  return out;
}
