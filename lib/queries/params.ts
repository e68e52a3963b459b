// zod schemas for everything a URL carries, shared by pages, API routes and the proxy so that one
// rule decides what a valid environment id, cluster, digest or image-history query is.
import { z } from "zod";
import type { Severity } from "@/lib/domain/types";
import { BadRequestError } from "@/lib/errors";
import type { ImageHistoryQuery } from "./types";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"] as const satisfies readonly Severity[];

/** Environment ids are url slugs (see lib/config). */
export const envIdSchema = z.string().regex(/^[a-z0-9-]{1,32}$/, "must be 1–32 characters of a-z, 0-9 and -");

/** ECS cluster names: up to 255 letters, numbers, hyphens and underscores. */
export const clusterNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, "must be 1–255 letters, digits, - or _");

/** ECS service names: up to 255 letters, numbers, hyphens and underscores. */
export const serviceNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, "must be 1–255 letters, digits, - or _");

/** ECR repository names (namespaces with `/` allowed; URL-decoded before parsing). */
export const repositoryNameSchema = z
  .string()
  .min(2, "must be at least 2 characters")
  .max(256, "must be at most 256 characters")
  .regex(
    /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/,
    "is not a valid ECR repository name",
  );

/** An image digest, `sha256:<64 hex>` (a URL-encoded `sha256%3A…` must be decoded first). */
export const digestSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 lowercase hex>");

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Query string of the image history page and API: `?page&pageSize&prod&severity&q`. */
export const imageHistoryQuerySchema = z.object({
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
  prod: z.preprocess(emptyToUndefined, z.enum(["1", "0"]).default("0")).transform((v) => v === "1"),
  severity: z.preprocess(
    (v) => (typeof v === "string" && v !== "" ? v.toUpperCase() : undefined),
    z.enum(SEVERITIES).optional(),
  ),
  q: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(200).optional(),
  ),
}) satisfies z.ZodType<ImageHistoryQuery, unknown>;

/** The service page's query: which page of the deployment history (newest first). */
export const serviceHistoryQuerySchema = z.object({
  historyPage: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});

/** Route params of a service page or API call. */
export const serviceParamsSchema = z.object({
  env: envIdSchema,
  cluster: clusterNameSchema,
  service: serviceNameSchema,
});

/** Route params of a repository page or API call. */
export const repositoryParamsSchema = z.object({ env: envIdSchema, repo: repositoryNameSchema });

/** Route params of an image page or API call. */
export const imageParamsSchema = repositoryParamsSchema.extend({ digest: digestSchema });

/**
 * Parses with a schema and throws BadRequestError naming the first bad field, e.g.
 * `pageSize: Too big: expected number to be <=200`.
 */
export function parseOrBadRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || "input";
  throw new BadRequestError(`${field}: ${issue?.message ?? "invalid"}`);
}

/** URLSearchParams → plain object (first value of each key) for `imageHistoryQuerySchema`. */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(params)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}
