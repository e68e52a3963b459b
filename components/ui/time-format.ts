// Absolute times are shown in UTC: the server and the browser then render identical text (no
// hydration mismatch), and incident timelines from different people line up.

const pad = (n: number) => String(n).padStart(2, "0");

/** `12:03:04` (UTC). */
export function formatClock(d: Date): string {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2025-11-25 12:03 UTC`. */
export function formatDateTime(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** `12:03:04 UTC`: a clock time that says its zone, for lines that sit beside full date-times. */
export function formatClockUtc(d: Date): string {
  return `${formatClock(d)} UTC`;
}

/** `2025-11-25 12:03:04 UTC`. */
export function formatDateTimeSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
