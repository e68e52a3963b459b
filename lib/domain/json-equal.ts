// Comparing task-definition data the way ECS means it: key order never matters, and an absent member,
// null, "" and an empty list or object are the same thing (AWS echoes `environment: []` for a member
// nobody sent), so "identical revision" and "this field changed" do not flicker on echoed defaults.
import { compareText } from "./compare";

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Date) return false;
  return typeof value === "object" && Object.keys(value).every((k) => isEmpty((value as Record<string, unknown>)[k]));
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareText)) {
    const member = (value as Record<string, unknown>)[key];
    if (!isEmpty(member)) out[key] = normalise(member);
  }
  return out;
}

/** A canonical JSON text: sorted keys, empty members dropped. Empty input gives "". */
export function canonicalJson(value: unknown): string {
  return isEmpty(value) ? "" : JSON.stringify(normalise(value));
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
