import { Badge, type Tone } from "@/components/ui/badge";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import type { DeliveryRow } from "@/lib/queries/notification-log";

const STATUS_TONE: Record<DeliveryRow["status"], Tone> = { pending: "warn", delivered: "ok", failed: "danger" };
const at = (iso: string | null) => (iso ? `${iso.slice(0, 19).replace("T", " ")} UTC` : "—");

/** One target's deliveries, newest first; on a phone one card per delivery (app/phone.css). */
export function DeliveryLogTable({ target, rows }: { target: string; rows: DeliveryRow[] }) {
  return (
    <Table caption={`Deliveries to ${target}`}>
      <THead>
        <tr>
          <Th className="w-[26%]">Event</Th>
          <Th className="w-[10%]">Status</Th>
          <Th className="w-[8%]">Attempts</Th>
          <Th className="w-[28%]">Last error</Th>
          <Th className="w-[14%]">Next attempt</Th>
          <Th className="w-[14%]">Delivered at</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((d) => (
          <tr key={d.id}>
            <td data-wide>
              <span className="font-medium">{d.eventType}</span>
              <span className="block break-words text-xs text-muted">{d.summary}</span>
              <code className="block font-mono text-[11px] break-all text-muted" title="webhook-id">
                {d.eventId}
              </code>
            </td>
            <td>
              <Badge tone={STATUS_TONE[d.status]}>{d.status}</Badge>
            </td>
            <td data-label="Attempts">{d.attempts}</td>
            <td data-label="Last error" className="break-words">
              {d.lastError ?? "—"}
            </td>
            <td data-label="Next attempt">{at(d.nextAttemptAt)}</td>
            <td data-label="Delivered at">{at(d.deliveredAt)}</td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
