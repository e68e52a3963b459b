// What the store hands to lib/deploy and lib/queries: camelCase records with Dates and parsed JSON.
// The JSON payloads (plan, from/to, progress …) are shaped by lib/deploy; the store keeps them as given.
import type { Kysely } from "kysely";
import type { Database } from "./schema";

// `restore` is a parent: one child operation (a rollback) per service it puts back, and no lock of its own.
export const OPERATION_ACTIONS = ["rollback", "deploy", "stop", "restore"] as const;
// `partial`: a restore whose children did not all succeed.
export const OPERATION_STATUSES = ["running", "succeeded", "rolled_back", "stopped", "failed", "superseded", "timed_out", "partial"] as const;
export const ACTOR_KINDS = ["user", "token"] as const;
export const FOLLOW_MODES = ["service-deployments", "describe-services"] as const;
export const AUDIT_KINDS = ["intent", "step", "outcome", "refused", "override"] as const;

export type OperationAction = (typeof OPERATION_ACTIONS)[number];
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type FollowMode = (typeof FOLLOW_MODES)[number];
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** A Kysely handle or a transaction from `store.transaction`: every store function takes either. */
export type StoreDb = Kysely<Database>;

export interface ServiceRef {
  env: string;
  cluster: string;
  service: string;
}

export interface Actor {
  actor: string;
  actorKind: ActorKind;
  role: string;
}

export interface Operation extends ServiceRef, Actor {
  id: string;
  idempotencyKey: string;
  /** The restore this operation is one service of; null for an operation of its own. */
  parentId: string | null;
  action: OperationAction;
  status: OperationStatus;
  reason: string;
  overrideReason: string | null;
  from: unknown;
  to: unknown;
  plan: unknown;
  steps: unknown[];
  ecsDeploymentId: string | null;
  serviceDeploymentArn: string | null;
  followMode: FollowMode | null;
  outcomeReason: string | null;
  outcomeDetail: unknown;
  progress: unknown;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
}

export interface AuditEvent extends ServiceRef, Actor {
  id: number;
  at: Date;
  operationId: string | null;
  kind: AuditKind;
  message: string;
  from: unknown;
  to: unknown;
  detail: unknown;
}
