// The notifications of an operation, enqueued in the same transaction as the audit row that records the
// same moment: "operation.started" with the intent, "operation.finished" with the outcome. Their ids
// are the operation's id and the moment, so a replayed transaction or a second replica enqueues nothing
// new (the outbox's unique key) and a receiver can drop a repeated delivery by `webhook-id`.
import type { AppConfig } from "@/lib/config";
import type { OperationEventData, VersionBrief } from "@/lib/domain/webhook-event";
import { dashboardLink, enqueueNotification, notifySettings } from "@/lib/notify";
import type { Operation, StoreDb } from "@/lib/store";
import { fromVersion } from "./version";

export type OperationMoment = "started" | "finished";

function brief(json: unknown): VersionBrief | null {
  const version = fromVersion(json);
  if (!version) return null;
  return { label: version.label, containers: version.containers.map((c) => ({ name: c.name, image: c.image, ...(c.tag && { tag: c.tag }), ...(c.sha && { sha: c.sha }) })) };
}

/** ECS's own words the follower kept with the outcome (follow-environment.ts outcomeDetail), when it said any. */
function ecsReasonOf(detail: unknown): string | undefined {
  const reason = typeof detail === "object" && detail !== null ? (detail as { ecsReason?: unknown }).ecsReason : undefined;
  return typeof reason === "string" && reason.length > 0 ? reason : undefined;
}

/** Enqueues the moment's notification for every target that wants it, with `db` (the caller's transaction). */
export async function enqueueOperationEvent(db: StoreDb, config: Pick<AppConfig, "notifications">, op: Operation, moment: OperationMoment, now: Date): Promise<number> {
  const settings = notifySettings(config);
  if (settings.targets.length === 0) return 0;
  const url = dashboardLink(settings, `/operations/${encodeURIComponent(op.id)}`);
  const ecsReason = moment === "finished" ? ecsReasonOf(op.outcomeDetail) : undefined;
  const data: OperationEventData = {
    operationId: op.id,
    action: op.action,
    env: op.env,
    cluster: op.cluster,
    service: op.service,
    actor: op.actor,
    role: op.role,
    reason: op.reason,
    from: brief(op.from),
    to: brief(op.to),
    status: op.status,
    ...(moment === "finished" && op.outcomeReason && { outcomeReason: op.outcomeReason }),
    ...(ecsReason && { ecsReason }),
    ...(url && { url }),
  };
  const type = moment === "started" ? "operation.started" : "operation.finished";
  return enqueueNotification(db, settings, { id: `msg_${op.id}_${moment}`, type, timestamp: now.toISOString(), data }, now);
}
