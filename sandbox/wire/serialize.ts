// Response bodies as AWS JSON 1.1 writes them (aws-behaviour.md §1.3): timestamps are epoch seconds as
// numbers (ms fraction kept) because SDK v3 throws on ISO strings, and absent members are omitted.
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

export function serializeBody(value: unknown): string {
  return JSON.stringify(toWire(value));
}
