// zod schemas for reading operations back: GET /api/v1/operations?… (the timeline's filters) and
// GET /api/v1/operations/{id}. Every parameter is checked here, so the store only ever sees valid filters.
import { z } from "zod";
import { clusterNameSchema, envIdSchema, serviceNameSchema } from "@/lib/queries/params";
import { MAX_PAGE_SIZE, OPERATION_ACTIONS, OPERATION_STATUSES } from "@/lib/store";

/** Operation ids are UUIDs (start-operation.ts); anything else cannot name one. */
export const operationIdSchema = z.uuid();

const timestamp = (name: string) => z.iso.datetime({ offset: true, error: `${name} must be an ISO-8601 time, e.g. 2026-11-25T19:17:50Z` }).transform((t) => new Date(t));

const outcomeList = z
  .string()
  .transform((text) => text.split(",").map((s) => s.trim()))
  .pipe(z.array(z.enum(OPERATION_STATUSES, { error: `outcome must be a comma-separated list of ${OPERATION_STATUSES.join(", ")}` })).min(1));

/** The query string of GET /api/v1/operations; unknown parameters are refused so a typo is not silently ignored. */
export const operationListQuerySchema = z
  .strictObject({
    env: envIdSchema.optional(),
    cluster: clusterNameSchema.optional(),
    service: serviceNameSchema.optional(),
    actor: z.string().trim().min(1).max(320).optional(),
    action: z.enum(OPERATION_ACTIONS, { error: `action must be one of ${OPERATION_ACTIONS.join(", ")}` }).optional(),
    outcome: outcomeList.optional(),
    from: timestamp("from").optional(),
    to: timestamp("to").optional(),
    limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(MAX_PAGE_SIZE).default(50),
    cursor: z.string().min(1).max(512).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "from must be before to", path: ["from"] });
export type OperationListQuery = z.infer<typeof operationListQuerySchema>;
