// Checking what callers hand the store. Bad input (a filter, a cursor, an operation missing a field) is
// the caller's fault and becomes a 4xx; anything else the database throws propagates as it is, so a verb
// fails closed.
import { z } from "zod";

/** Non-blank text of at most `max` characters, trimmed. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export class StoreInputError extends Error {
  override readonly name = "StoreInputError";
}

export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || what}: ${issue.message}`);
  throw new StoreInputError(`Invalid ${what}: ${issues.join("; ")}`);
}
