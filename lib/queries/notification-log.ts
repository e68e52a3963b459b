// The admin page's read model of notifications: every configured target with its deliveries per status,
// and one target's delivery log (status, attempts, last error, next attempt, delivered at), newest first,
// paged by the store's keyset cursor. A cursor the store did not make is bad input (400), not a 500.
import { z } from "zod";
import type { AppConfig } from "@/lib/config";
import { BadRequestError } from "@/lib/errors";
import { deliveryCounts, getStore, listDeliveries, StoreInputError, type OutboxDelivery, type OutboxStatus } from "@/lib/store";

export const DELIVERY_LOG_PAGE = 25;

export const notificationLogQuerySchema = z.strictObject({
  target: z.string().regex(/^[a-z0-9-]{1,32}$/, { error: "must be a notification id (1-32 lower-case letters, digits or -)" }).optional(),
  cursor: z.string().min(1).max(500).optional(),
});
export type NotificationLogQuery = z.infer<typeof notificationLogQuerySchema>;

export interface TargetSummary {
  id: string;
  kind: "slack" | "webhook";
  /** Host only: a Slack URL is itself a credential. */
  host: string;
  counts: Record<OutboxStatus, number>;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  summary: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface NotificationLog {
  targets: TargetSummary[];
  selected?: string;
  deliveries: DeliveryRow[];
  nextCursor: string | null;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
};

/** "env/cluster/service: status", read from the stored event. */
function summaryOf(payload: unknown): string {
  const data = (payload as { data?: { env?: string; cluster?: string; service?: string; status?: string } } | null)?.data;
  return data ? `${data.env}/${data.cluster}/${data.service}: ${data.status}` : "";
}

function row(d: OutboxDelivery): DeliveryRow {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    summary: summaryOf(d.payload),
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

export async function getNotificationLog(config: Pick<AppConfig, "notifications">, query: NotificationLogQuery): Promise<NotificationLog> {
  const store = await getStore();
  const counts = await deliveryCounts(store.db);
  const targets = config.notifications.map((t) => ({ id: t.id, kind: t.kind, host: hostOf(t.url), counts: counts.get(t.id) ?? { pending: 0, delivered: 0, failed: 0 } }));
  const selected = query.target ?? targets[0]?.id;
  if (query.target && !targets.some((t) => t.id === query.target)) throw new BadRequestError(`target: no notification target ${JSON.stringify(query.target)} is configured`);
  if (!selected) return { targets, deliveries: [], nextCursor: null };
  try {
    const page = await listDeliveries(store.db, selected, { limit: DELIVERY_LOG_PAGE, ...(query.cursor && { cursor: query.cursor }) });
    return { targets, selected, deliveries: page.deliveries.map(row), nextCursor: page.nextCursor ?? null };
  } catch (error) {
    if (error instanceof StoreInputError) throw new BadRequestError("cursor: not a delivery log cursor; follow the page links unchanged");
    throw error;
  }
}
