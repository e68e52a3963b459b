// zod schemas for what a person or a script asks the deploy verbs to do. The API routes, the plan page's
// query string and the confirm form all parse through these, so one rule decides what a valid target,
// reason, override or idempotency key is. The verbs check the target against AWS afterwards (another
// family's revision, an unknown container or digest): that needs reads, not just shapes.
import { z } from "zod";
import { digestSchema, serviceParamsSchema } from "@/lib/queries/params";
import { REASON_MAX_LENGTH } from "@/lib/domain/reason-limit";

const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
// Docker tags: up to 128 of [A-Za-z0-9_.-], not starting with . or -.
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
// `family:N` — families are up to 255 letters, digits, - and _.
const REVISION_REF = /^[A-Za-z0-9_-]{1,255}:[1-9][0-9]{0,8}$/;
const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[1-9][0-9]{0,8}$/;

const containerName = z.string().regex(CONTAINER_NAME, "container must be 1–255 letters, digits, - or _");
const imageTag = z.string().regex(IMAGE_TAG, "tag must be a Docker tag (letters, digits, _ . -; up to 128)");

export const revisionTarget = z.strictObject({ revision: z.string().regex(REVISION_REF, "revision must look like family:N") });
export const tagTarget = z.strictObject({ container: containerName, tag: imageTag });
export const digestTarget = z.strictObject({ container: containerName, digest: digestSchema });
export const suggestedTarget = z.strictObject({ suggested: z.literal(true) });

/** Exactly one of: an earlier revision, a container's image by tag or by digest, or "the suggested version". */
export const targetSchema = z.union([revisionTarget, tagTarget, digestTarget, suggestedTarget], {
  error: 'target must be {"revision": "family:N"}, {"container", "tag"}, {"container", "digest"} or {"suggested": true}',
});
export type TargetInput = z.infer<typeof targetSchema>;

export const reasonSchema = z
  .string({ error: "reason is required (why: an incident link or a sentence)" })
  .trim()
  .min(1, "reason is required (why: an incident link or a sentence)")
  .max(REASON_MAX_LENGTH, `reason must be at most ${REASON_MAX_LENGTH.toLocaleString("en-US")} characters`);

export const taskDefinitionArnSchema = z.string().regex(TASK_DEFINITION_ARN, "must be a task-definition ARN (arn:aws:ecs:…:task-definition/family:N)");

/** Body of POST …/operations. */
export const operationRequestSchema = z.strictObject({
  action: z.enum(["rollback", "deploy"], { error: 'action must be "rollback" or "deploy"' }),
  target: targetSchema,
  reason: reasonSchema,
  expectedTaskDefinition: taskDefinitionArnSchema.optional(),
  override: z.strictObject({ scanGate: reasonSchema }).optional(),
});
export type OperationRequest = z.infer<typeof operationRequestSchema>;

/** Body of POST …/stop. */
export const stopRequestSchema = z.strictObject({
  reason: reasonSchema,
  expectedServiceDeployment: z.string().min(1).max(2048).optional(),
});
export type StopRequest = z.infer<typeof stopRequestSchema>;

/** `Idempotency-Key` header: a retry or a double click with the same key returns the same operation. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, "Idempotency-Key must be 8–128 letters, digits, _ . : or -");

/** The service a verb acts on: the same rule as the service pages' and API's route params. */
export const serviceRefSchema = serviceParamsSchema;
export type ServiceRef = z.infer<typeof serviceRefSchema>;

/**
 * The plan's query string: `?revision=family:N` | `?container=C&tag=T` | `?container=C&digest=D` |
 * `?suggested=1` (no target at all means the suggested one too).
 */
export function targetFromQuery(query: URLSearchParams): z.ZodSafeParseResult<TargetInput> {
  const get = (name: string) => query.get(name) ?? undefined;
  const revision = get("revision");
  const container = get("container");
  const tag = get("tag");
  const digest = get("digest");
  const suggested = get("suggested");
  if (revision !== undefined) return targetSchema.safeParse({ revision });
  if (container !== undefined && tag !== undefined) return targetSchema.safeParse({ container, tag });
  if (container !== undefined && digest !== undefined) return targetSchema.safeParse({ container, digest });
  if (container !== undefined) return targetSchema.safeParse({ container });
  if (suggested === undefined || suggested === "1") return targetSchema.safeParse({ suggested: true });
  return targetSchema.safeParse({ suggested });
}
