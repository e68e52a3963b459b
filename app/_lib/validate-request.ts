import type { z } from "zod";
import {
  envIdSchema,
  imageHistoryQuerySchema,
  imageParamsSchema,
  repositoryParamsSchema,
  searchParamsToObject,
  serviceHistoryQuerySchema,
  serviceParamsSchema,
} from "@/lib/queries/params";
import { targetFromQuery } from "@/lib/deploy/operation-input";
import { momentFromPage } from "@/lib/deploy/restore-input";
import { BadRequestError } from "@/lib/errors";
import { notificationLogQuerySchema } from "@/lib/queries/notification-log";
import { decodeTimelineCursor } from "@/lib/queries/timeline-cursor";
import { parseTimelineQuery } from "@/lib/queries/timeline-query";
import { decodeParam } from "./route-params";

export type RequestCheck = { ok: true } | { ok: false; reason: string };

function checkTimeline(search: URLSearchParams): RequestCheck {
  try {
    decodeTimelineCursor(parseTimelineQuery(searchParamsToObject(search), new Date()).cursor);
    return { ok: true };
  } catch (error) {
    if (error instanceof BadRequestError) return { ok: false, reason: `Timeline filter: ${error.message}` };
    throw error;
  }
}

function check(schema: z.ZodType, input: unknown, what: string): RequestCheck {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || "input";
  return { ok: false, reason: `${what}: ${field} ${issue?.message ?? "is invalid"}` };
}

/**
 * Checks the path params and query string of a page URL against the shared schemas before any
 * rendering (and any AWS call) happens. Paths that match no page are left to Next's 404.
 */
export function validateRequest(pathname: string, search: URLSearchParams): RequestCheck {
  const parts = pathname.split("/").filter(Boolean).map(decodeParam);
  const [section, env, second, third, fourth, ...rest] = parts;
  if (section === "audit" && env === undefined) return checkTimeline(search);
  if (section === "admin" && env === "notifications" && second === undefined) return check(notificationLogQuerySchema, searchParamsToObject(search), "Delivery log");
  if (section === "environments" && second === "restore" && third === undefined) {
    const params = check(envIdSchema, env, "Environment");
    const at = search.get("at");
    if (!params.ok || at === null) return params;
    const moment = momentFromPage(at);
    return moment.success ? { ok: true } : { ok: false, reason: `Restore moment: ${moment.error.issues[0]?.message ?? "is invalid"}` };
  }
  if (section === "services" && fourth === undefined && third !== undefined) {
    const params = check(serviceParamsSchema, { env, cluster: second, service: third }, "Service address");
    if (!params.ok) return params;
    return check(serviceHistoryQuerySchema, searchParamsToObject(search), "Deployment history");
  }
  if (section === "services" && fourth === "rollback" && rest.length === 0) {
    const params = check(serviceParamsSchema, { env, cluster: second, service: third }, "Service address");
    if (!params.ok) return params;
    const target = targetFromQuery(search);
    return target.success ? { ok: true } : { ok: false, reason: `Rollback target: ${target.error.issues[0]?.message ?? "is invalid"}` };
  }
  if (section !== "repositories" || second === undefined) return { ok: true };
  if (third === undefined) {
    const params = check(repositoryParamsSchema, { env, repo: second }, "Repository address");
    if (!params.ok) return params;
    return check(imageHistoryQuerySchema, searchParamsToObject(search), "Image history filter");
  }
  if (third === "images" && fourth !== undefined && rest.length === 0) {
    return check(imageParamsSchema, { env, repo: second, digest: fourth }, "Image address");
  }
  return { ok: true };
}
