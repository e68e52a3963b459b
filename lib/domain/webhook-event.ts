// What a notification says, independent of where it goes: the three event types, their payloads (the
// Standard Webhooks `{type, timestamp, data}` envelope), and which targets want an event (filters).
// Built once when the event is recorded and stored as is in the outbox, so every retry sends the same
// body and a Slack message and a webhook of one event always agree.

export const NOTIFICATION_EVENTS = ["operation.started", "operation.finished", "ecs.deployment.failed"] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number];

export interface VersionBrief {
  label: string;
  /** Per container: the image, with its tag and commit SHA when known. */
  containers: { name: string; image: string; tag?: string; sha?: string }[];
}

export interface OperationEventData {
  operationId: string;
  action: string;
  env: string;
  cluster: string;
  service: string;
  actor: string;
  role: string;
  reason: string;
  from: VersionBrief | null;
  to: VersionBrief | null;
  /** `running` for operation.started; the outcome for operation.finished. */
  status: string;
  outcomeReason?: string;
  /** ECS's own words (the deployment's statusReason, the breaker's or the alarm's), when it said any. */
  ecsReason?: string;
  /** The operation page on the dashboard's public URL (NEXTAUTH_URL). */
  url?: string;
}

export interface EcsDeploymentEventData {
  env: string;
  cluster: string;
  service: string;
  serviceDeploymentArn: string;
  /** ECS's status: ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED, or STOPPED by the breaker or an alarm. */
  status: string;
  statusReason?: string;
  createdAt?: string;
  finishedAt?: string;
  /** The audit timeline of the service. */
  url?: string;
}

export type NotificationEvent =
  | { id: string; type: "operation.started" | "operation.finished"; timestamp: string; data: OperationEventData }
  | { id: string; type: "ecs.deployment.failed"; timestamp: string; data: EcsDeploymentEventData };

export interface NotificationFilters {
  environments?: readonly string[];
  services?: readonly string[];
  events?: readonly NotificationEventType[];
}

/** True when every filter the target gives lets the event through (an absent or empty list lets all through). */
export function wantsEvent(filters: NotificationFilters, event: Pick<NotificationEvent, "type"> & { data: { env: string; service: string } }): boolean {
  const passes = (list: readonly string[] | undefined, value: string) => !list || list.length === 0 || list.includes(value);
  return passes(filters.environments, event.data.env) && passes(filters.services, event.data.service) && passes(filters.events, event.type);
}

/** The webhook body: the event without its id (the id travels as `webhook-id`). */
export function webhookBody(event: NotificationEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data });
}
