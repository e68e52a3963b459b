// Response bodies as AWS JSON 1.1 writes them (aws-behaviour.md §1.3): timestamps are epoch seconds as
// numbers (ms fraction kept) because SDK v3 throws on ISO strings, and absent members are omitted.
import { WireJsonList } from "../core/wire-json-list";

export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toWire(item)));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = toWire(member);
    }
    return out;
  }
  return value;
}

/** The JSON text of a response body; a top-level WireJsonList member is written as the list it holds. */
export function serializeBody(value: unknown): string {
  if (value === null || typeof value !== "object" || !Object.values(value).some((member) => member instanceof WireJsonList)) {
    return JSON.stringify(toWire(value));
  }
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue;
    const json = member instanceof WireJsonList ? `[${member.items.join(",")}]` : JSON.stringify(toWire(member));
    members.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${members.join(",")}}`;
}
