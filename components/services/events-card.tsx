import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatClock } from "@/components/ui/time-format";
import type { ServiceEvent } from "@/lib/domain/types";

const SHOWN = 30;

/** Recent ECS service events, newest first; failures and rollbacks are highlighted. */
export function EventsCard({ events }: { events: ServiceEvent[] }) {
  return (
    <Card title="Recent events" description={events.length > SHOWN ? `Newest ${SHOWN} of ${events.length}` : undefined} flush>
      {events.length === 0 ? (
        <EmptyState title="No events yet" />
      ) : (
        <ol className="max-h-[28rem] divide-y divide-border overflow-y-auto">
          {events.slice(0, SHOWN).map((e) => {
            const alarming = /fail|unable|rolling back|unhealthy|error|stopped/i.test(e.message);
            return (
              <li key={e.id} className="grid grid-cols-[4.5rem_1fr] gap-2 px-4 py-1.5 text-xs">
                <time dateTime={e.createdAt.toISOString()} className="font-mono text-muted tabular-nums" title={e.createdAt.toISOString()}>
                  {formatClock(e.createdAt)}
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
