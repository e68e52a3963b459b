// The notification for an ECS deployment made outside the dashboard that ECS rolled back or could not
// roll back. Its id is derived from the deployment's ARN, so every replica and every pass of the
// watcher names it the same and the outbox's unique (target, event) key keeps one delivery per target.
import { createHash } from "node:crypto";
import type { ServiceDeploymentSummary } from "@/lib/domain/types";
import type { NotificationEvent } from "@/lib/domain/webhook-event";
import { dashboardLink, type NotifySettings } from "./settings";

export function ecsDeploymentEventId(serviceDeploymentArn: string): string {
  return `msg_ecs_${createHash("sha256").update(serviceDeploymentArn).digest("hex").slice(0, 32)}`;
}

export function ecsDeploymentEvent(settings: NotifySettings, where: { env: string; cluster: string; service: string }, d: ServiceDeploymentSummary, now: Date): NotificationEvent {
  const query = new URLSearchParams({ env: where.env, cluster: where.cluster, service: where.service }).toString();
  const url = dashboardLink(settings, `/audit?${query}`);
  return {
    id: ecsDeploymentEventId(d.arn),
    type: "ecs.deployment.failed",
    timestamp: (d.finishedAt ?? now).toISOString(),
    data: {
      ...where,
      serviceDeploymentArn: d.arn,
      status: d.status,
      ...(d.statusReason && { statusReason: d.statusReason }),
      ...(d.createdAt && { createdAt: d.createdAt.toISOString() }),
      ...(d.finishedAt && { finishedAt: d.finishedAt.toISOString() }),
      ...(url && { url }),
    },
  };
}
