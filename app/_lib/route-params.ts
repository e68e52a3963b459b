import { notFound } from "next/navigation";
import type { z } from "zod";

/** Route params may arrive percent-encoded (`sha256%3A…`, `team%2Fapi`); none of ours contains a literal `%`. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Validates route params with the shared zod schema. proxy.ts already answers malformed URLs with a
 * 400; this is the second line of defence, and a name that cannot exist is simply not found.
 */
export async function parseRouteParams<T>(schema: z.ZodType<T>, params: Promise<Record<string, string>>): Promise<T> {
  const raw = await params;
  const decoded = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeParam(v)]));
  const result = schema.safeParse(decoded);
  if (!result.success) notFound();
  return result.data;
}
