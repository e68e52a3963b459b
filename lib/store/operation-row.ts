// operations row ↔ Operation. The enum columns are checked by the database (001-create-tables), so
// their text is narrowed here without a second check.
import type { Selectable } from "kysely";
import { parseJson, timeOrNull } from "./codec";
import type { OperationsTable } from "./schema";
import type { ActorKind, FollowMode, Operation, OperationAction, OperationStatus } from "./types";

export function operationFromRow(row: Selectable<OperationsTable>): Operation {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    parentId: row.parent_id,
    env: row.env,
    cluster: row.cluster,
    service: row.service,
    action: row.action as OperationAction,
    status: row.status as OperationStatus,
    actor: row.actor,
    actorKind: row.actor_kind as ActorKind,
    role: row.role,
    reason: row.reason,
    overrideReason: row.override_reason,
    from: parseJson(row.from_json),
    to: parseJson(row.to_json),
    plan: parseJson(row.plan_json),
    steps: parseJson(row.steps_json) as unknown[],
    ecsDeploymentId: row.ecs_deployment_id,
    serviceDeploymentArn: row.service_deployment_arn,
    followMode: row.follow_mode as FollowMode | null,
    outcomeReason: row.outcome_reason,
    outcomeDetail: parseJson(row.outcome_detail_json),
    progress: parseJson(row.progress_json),
    createdAt: new Date(row.created_at),
    startedAt: timeOrNull(row.started_at),
    finishedAt: timeOrNull(row.finished_at),
    updatedAt: new Date(row.updated_at),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: timeOrNull(row.lease_expires_at),
  };
}
