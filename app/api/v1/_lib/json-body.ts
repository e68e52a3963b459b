// Request bodies and headers of the /api/v1 write routes: JSON only, at most MAX_BODY_BYTES, and an
// Idempotency-Key header on every POST. Each failure is a 400 naming what is wrong, before any verb runs.
import type { z } from "zod";
import { idempotencyKeySchema } from "@/lib/deploy";
import { BadRequestError } from "@/lib/errors";
import { parseOrBadRequest } from "@/lib/queries/params";

/** Far above any valid body (a reason is at most 1,000 characters), far below anything that costs memory. */
export const MAX_BODY_BYTES = 16 * 1024;

async function readLimited(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new BadRequestError(`The request body is larger than ${MAX_BODY_BYTES} bytes`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // A body sent without (or with a false) Content-Length is cut off as soon as it passes the limit.
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new BadRequestError(`The request body is larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body parsed as JSON and then by `schema` (unknown fields refused by the strict schemas). */
export async function jsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new BadRequestError("Content-Type must be application/json");
  const text = await readLimited(request);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequestError("The request body is not valid JSON");
  }
  return parseOrBadRequest(schema, parsed);
}

/** The required `Idempotency-Key` header: a retry with the same key answers the operation it created. */
export function idempotencyKeyOf(request: Request): string {
  const key = request.headers.get("idempotency-key");
  if (key === null) throw new BadRequestError("Idempotency-Key header is required (any unique 8–128 characters per intended change, reused on retries)");
  const parsed = idempotencyKeySchema.safeParse(key);
  if (!parsed.success) throw new BadRequestError(parsed.error.issues[0]?.message ?? "Idempotency-Key is invalid");
  return parsed.data;
}
