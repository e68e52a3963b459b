// The outbox as lib/notify sees it: one delivery of one event to one target.
export const OUTBOX_STATUSES = ["pending", "delivered", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxDelivery {
  id: string;
  targetId: string;
  /** Stable across retries and replicas: the `webhook-id` of every attempt. */
  eventId: string;
  eventType: string;
  payload: unknown;
  status: OutboxStatus;
  /** Attempts started (a claim counts one, so a replica that died mid-attempt is counted too). */
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastError: string | null;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface NewOutboxEvent {
  eventId: string;
  eventType: string;
  payload: unknown;
}
