// The tables as Kysely sees them. Times are ISO-8601 UTC text with milliseconds in both dialects:
// one representation everywhere, and text order is time order, so keyset pagination and lease
// expiry compare plain strings. JSON columns are text for the same reason (SQLite has no json type).
import type { Generated } from "kysely";

export interface OperationsTable {
  id: string;
  idempotency_key: string;
  parent_id: string | null;
  env: string;
  cluster: string;
  service: string;
  action: string;
  status: string;
  actor: string;
  actor_kind: string;
  role: string;
  reason: string;
  override_reason: string | null;
  from_json: string;
  to_json: string;
  plan_json: string;
  steps_json: string;
  ecs_deployment_id: string | null;
  service_deployment_arn: string | null;
  follow_mode: string | null;
  outcome_reason: string | null;
  outcome_detail_json: string | null;
  progress_json: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
}

export interface AuditEventsTable {
  // Postgres returns bigint as a string; rows are mapped to numbers in audit.ts.
  id: Generated<number | string>;
  at: string;
  operation_id: string | null;
  env: string;
  cluster: string;
  service: string;
  actor: string;
  actor_kind: string;
  role: string;
  kind: string;
  message: string;
  from_json: string | null;
  to_json: string | null;
  detail_json: string | null;
}

export interface ServiceLocksTable {
  service_key: string;
  operation_id: string;
  holder: string;
  acquired_at: string;
}

export interface NotificationOutboxTable {
  id: string;
  target_id: string;
  event_id: string;
  event_type: string;
  payload_json: string;
  status: string;
  // Postgres returns integer as a number, but count arithmetic may come back as a string; mapped in outbox.ts.
  attempts: number;
  next_attempt_at: string;
  last_attempt_at: string | null;
  last_error: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface LeaderLeasesTable {
  name: string;
  owner: string;
  expires_at: string;
}

export interface Database {
  operations: OperationsTable;
  audit_events: AuditEventsTable;
  service_locks: ServiceLocksTable;
  notification_outbox: NotificationOutboxTable;
  leader_leases: LeaderLeasesTable;
}
