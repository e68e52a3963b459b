"use client";

import { formatAge } from "@/lib/domain/format";
import { formatDateTime } from "./time-format";
import { useNow } from "./use-now";

/** "3 min ago", ticking; the absolute UTC time is in the tooltip and the <time> element. */
export function TimeAgo({ at, serverNow }: { at: number; serverNow: number }) {
  const now = useNow(serverNow);
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} className="tabular-nums whitespace-nowrap">
      {formatAge(date, new Date(Math.max(now, at)))}
    </time>
  );
}
