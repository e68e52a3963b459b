// The `notifications` section: where operation starts, outcomes and failed ECS deployments are sent.
// Slack incoming webhooks and generic (Standard Webhooks) webhooks, each with filters. Secrets are never
// in the file: a webhook names the environment variable that holds its `whsec_` secret (`secretEnv`),
// and a URL that is itself a credential (a Slack incoming webhook) may be named the same way (`urlEnv`).
import { z } from "zod";
import { NOTIFICATION_EVENTS } from "@/lib/domain/webhook-event";

const quoted = (input: unknown) => JSON.stringify(input);
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,127}$/;
const TARGET_ID = /^[a-z0-9-]{1,32}$/;
const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;

/** Why `url` cannot be a target, or undefined. http is allowed only to loopback, so tests and local receivers work. */
export function targetUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Invalid URL";
  }
  if (parsed.protocol === "https:") return undefined;
  if (parsed.protocol === "http:" && LOOPBACK.test(parsed.hostname)) return undefined;
  return "Must be an https:// URL (http:// only to a loopback address)";
}

const envName = z.string().regex(ENV_NAME, { error: (iss) => `Invalid environment variable name ${quoted(iss.input)}` });

const target = z
  .strictObject({
    id: z.string().regex(TARGET_ID, { error: (iss) => `Invalid id ${quoted(iss.input)}: use 1-32 lower-case letters, digits or "-"` }),
    kind: z.enum(["slack", "webhook"], { error: (iss) => `Unknown kind ${quoted(iss.input)}: use "slack" or "webhook"` }),
    url: z
      .string()
      .superRefine((url, ctx) => {
        const problem = targetUrlProblem(url);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional(),
    urlEnv: envName.optional(),
    secretEnv: envName.optional(),
    filters: z
      .strictObject({
        environments: z.array(z.string().min(1)).optional(),
        services: z.array(z.string().min(1)).optional(),
        events: z.array(z.enum(NOTIFICATION_EVENTS, { error: (iss) => `Unknown event ${quoted(iss.input)}: use ${NOTIFICATION_EVENTS.join(", ")}` })).optional(),
      })
      .default({}),
  })
  .superRefine((t, ctx) => {
    if ((t.url === undefined) === (t.urlEnv === undefined)) ctx.addIssue({ code: "custom", message: "Give exactly one of url and urlEnv" });
    if (t.kind === "webhook" && t.secretEnv === undefined) {
      ctx.addIssue({ code: "custom", path: ["secretEnv"], message: "A webhook needs secretEnv: the environment variable holding its whsec_ signing secret" });
    }
    if (t.kind === "slack" && t.secretEnv !== undefined) {
      ctx.addIssue({ code: "custom", path: ["secretEnv"], message: "Slack incoming webhooks are not signed: leave secretEnv out (keep the URL secret, e.g. with urlEnv)" });
    }
  });

export const notificationsSchema = z
  .array(target)
  .default([])
  .superRefine((targets, ctx) => {
    const seen = new Set<string>();
    targets.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `Duplicate notification id ${quoted(t.id)}` });
      seen.add(t.id);
    });
  });

export type ParsedNotifications = z.output<typeof notificationsSchema>;
