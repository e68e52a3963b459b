// Enqueueing a notification: one outbox row per target whose filters want the event, written with the
// caller's db (a transaction, next to the audit row that records the event), so the event and its
// deliveries commit or roll back together. It is a database insert and nothing else: a slow or broken
// receiver cannot slow or fail the verb. The worker of this process is woken after the commit.
import { wantsEvent, type NotificationEvent } from "@/lib/domain/webhook-event";
import { enqueueDeliveries, type StoreDb } from "@/lib/store";
import type { NotifySettings } from "./settings";

export async function enqueueNotification(db: StoreDb, settings: NotifySettings, event: NotificationEvent, now: Date): Promise<number> {
  const targetIds = settings.targets.filter((t) => wantsEvent(t.filters, event)).map((t) => t.id);
  return enqueueDeliveries(db, { eventId: event.id, eventType: event.type, payload: event }, targetIds, now);
}

const KEY = Symbol.for("steady-state.notifier-wake");
const holder = globalThis as typeof globalThis & { [KEY]?: () => void };

/** The server's worker registers how to wake it; Next bundles routes and instrumentation apart, hence globalThis. */
export function registerNotifierWake(wake: (() => void) | undefined): void {
  holder[KEY] = wake;
}

/** After a transaction that enqueued has committed: deliver now rather than at the worker's next poll. */
export function wakeNotifier(): void {
  holder[KEY]?.();
}
