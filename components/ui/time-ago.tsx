import { formatAge } from "@/lib/domain/format";
import { formatDateTime } from "./time-format";

/**
 * "3 min ago" as of the server render; the one RelativeTimes island of the layout keeps every
 * `time[data-relative]` ticking (styled in globals.css). The absolute UTC time is in the tooltip
 * and the dateTime.
 * suppressHydrationWarning: the island may already have moved the text on when React hydrates.
 */
export function TimeAgo({ at, serverNow }: { at: number; serverNow: number }) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} data-relative="" suppressHydrationWarning>
      {formatAge(date, new Date(Math.max(serverNow, at)))}
    </time>
  );
}
