// zod schemas for restoring an environment to a moment: the plan's `?at=`, the start body and the stop
// body. The API routes, the restore page and its confirm form all parse through these.
import { z } from "zod";
import { clusterNameSchema, envIdSchema, serviceNameSchema } from "@/lib/queries/params";
import { reasonSchema } from "./operation-input";

/** A moment as ISO-8601 with a zone (`2026-11-20T14:00:00Z`, `…+05:30`); milliseconds optional. */
export const momentSchema = z.iso
  .datetime({ offset: true, error: "at must be an ISO-8601 time with a zone, e.g. 2026-11-20T14:00:00Z" })
  .transform((text) => new Date(text));

// A browser's datetime-local value has no zone; the restore page labels its picker UTC.
const LOCAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?$/;

/** The restore page's `?at=`: ISO-8601 with a zone, or the picker's zone-less value read as UTC. */
export function momentFromPage(text: string): z.ZodSafeParseResult<Date> {
  if (!LOCAL_UTC.test(text)) return momentSchema.safeParse(text);
  return momentSchema.safeParse(`${text}${text.length === 16 ? ":00" : ""}Z`);
}

export const restorePlanQuerySchema = z.strictObject({ env: envIdSchema, at: momentSchema });
export type RestorePlanQuery = z.output<typeof restorePlanQuerySchema>;

// At most this many services in one restore: far above an environment's, far below a request that costs memory.
const MAX_SERVICES = 200;

/** `cluster/service`, the form's checkbox value and the API's list entry. */
export const restoreServiceSchema = z
  .string()
  .transform((text, ctx) => {
    const [cluster, service, ...rest] = text.split("/");
    const c = clusterNameSchema.safeParse(cluster);
    const s = serviceNameSchema.safeParse(service);
    if (rest.length > 0 || !c.success || !s.success) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not cluster/service (letters, digits, - or _ on each side)` });
      return z.NEVER;
    }
    return { cluster: c.data, service: s.data };
  });

/** Body of POST /api/v1/environments/{env}/restore. */
export const restoreRequestSchema = z.strictObject({
  at: momentSchema,
  services: z
    .array(restoreServiceSchema, { error: 'services must be a list of "cluster/service"' })
    .min(1, "services: tick at least one service to restore")
    .max(MAX_SERVICES, `services: at most ${MAX_SERVICES}`)
    .refine((list) => new Set(list.map((s) => `${s.cluster}/${s.service}`)).size === list.length, "services: each service at most once"),
  reason: reasonSchema,
});
export type RestoreRequest = z.output<typeof restoreRequestSchema>;

/** Body of POST /api/v1/restores/{id}/stop. */
export const restoreStopSchema = z.strictObject({ reason: reasonSchema });
