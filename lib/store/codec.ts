// The two conversions every table needs: Date ↔ ISO text and value ↔ JSON text (see schema.ts for why
// both are text), with null passing through.
export function timeText(date: Date): string {
  return date.toISOString();
}

export function timeOrNull(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}

export function jsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
