"use client";

import { formatAge } from "@/lib/domain/format";
import { formatClock, formatDateTime } from "./time-format";
import { useNow } from "./use-now";

/**
 * "as of 12:03:04 UTC · 3 s ago". Marked stale when the server says so (it served a cached copy
 * after a failed refresh) or when the view has not been refreshed for `staleAfterMs` (the browser
 * lost the server), so old data is never shown as live.
 */
export function Freshness({
  asOf,
  stale,
  serverNow,
  staleAfterMs,
}: {
  asOf: number;
  stale: boolean;
  serverNow: number;
  staleAfterMs?: number;
}) {
  const now = useNow(serverNow);
  const date = new Date(asOf);
  const tooOld = staleAfterMs !== undefined && now - asOf > staleAfterMs;
  const isStale = stale || tooOld;
  return (
    <p
      className={`inline-flex items-center gap-1.5 text-xs tabular-nums whitespace-nowrap ${isStale ? "text-warn" : "text-muted"}`}
      title={`Data fetched ${formatDateTime(date)}`}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${isStale ? "bg-warn" : "bg-ok"}`} />
      <span>
        as of <time dateTime={date.toISOString()}>{formatClock(date)} UTC</time> · {formatAge(date, new Date(Math.max(now, asOf)))}
      </span>
      {isStale && (
        <strong className="font-semibold" title={stale ? "AWS could not be reached; showing the last copy we have" : "This view has not refreshed recently"}>
          stale
        </strong>
      )}
    </p>
  );
}
