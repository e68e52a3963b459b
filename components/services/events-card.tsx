import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/time-format";
import type { ServiceEvent } from "@/lib/domain/types";

const SHOWN = 30;

/** `11-25 19:17:45` (UTC): events span days, so the date matters as much as the time. */
function eventTime(d: Date): string {
  return d.toISOString().slice(5, 19).replace("T", " ");
}

/** Recent ECS service events, newest first; failures and rollbacks are highlighted. */
export function EventsCard({ events }: { events: ServiceEvent[] }) {
  return (
    <Card title="Recent events" description={`${events.length > SHOWN ? `Newest ${SHOWN} of ${events.length}; times` : "Times"} in UTC, as ECS recorded them`} flush>
      {events.length === 0 ? (
        <EmptyState title="No events yet" />
      ) : (
        <ol className="max-h-[28rem] divide-y divide-border overflow-y-auto">
          {events.slice(0, SHOWN).map((e) => {
            const alarming = /fail|unable|rolling back|unhealthy|error/i.test(e.message);
            return (
              <li key={e.id} className="grid grid-cols-[6.5rem_1fr] gap-2 px-4 py-1.5 text-xs">
                <time dateTime={e.createdAt.toISOString()} className="font-mono text-muted tabular-nums" title={formatDateTime(e.createdAt)}>
                  {eventTime(e.createdAt)}
                </time>
                <span className={`break-words ${alarming ? "text-danger" : ""}`}>{e.message}</span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
