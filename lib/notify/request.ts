// One attempt's HTTP request for a target: Slack gets its Block Kit message; a generic webhook gets the
// Standard Webhooks body and headers, `webhook-id` being the event id (the same on every retry and from
// every replica, so a receiver can drop a second delivery) and `webhook-timestamp` this attempt's time.
import type { NotificationTarget } from "@/lib/config";
import { slackMessage } from "@/lib/domain/slack-message";
import { webhookBody, type NotificationEvent } from "@/lib/domain/webhook-event";
import { parseWebhookSecret, webhookHeaders } from "@/lib/domain/webhook-signature";

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function outgoingRequest(target: NotificationTarget, event: NotificationEvent, now: Date): OutgoingRequest {
  const json = { "content-type": "application/json", "user-agent": "SteadyState-Notifications/1" };
  if (target.kind === "slack") return { url: target.url, headers: json, body: JSON.stringify(slackMessage(event)) };
  // The configuration checked the secret at start-up (lib/config/notification-secrets.ts).
  const key = parseWebhookSecret(target.secret ?? "");
  const body = webhookBody(event);
  return { url: target.url, headers: { ...json, ...webhookHeaders(key, { id: event.id, timestamp: Math.floor(now.getTime() / 1000), body }) }, body };
}
