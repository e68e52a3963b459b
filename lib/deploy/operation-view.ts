// An operation as the API (GET /api/v1/operations/{id}) and its page show it: the fixed JSON shape of
// docs/api.md, built from the store's record. Nothing here reads AWS: the follower keeps the record up
// to date, the browser only reads it.
import type { Operation } from "@/lib/store";
import { stepsOf, type Step } from "./audit-trail";
import type { Progress } from "./follower/progress";
import { fromVersion, type Version } from "./version";

export interface OperationView {
  id: string;
  /** The restore this operation is one service of. */
  parentId: string | null;
  action: Operation["action"];
  status: Operation["status"];
  service: { env: string; cluster: string; service: string };
  from: Version | null;
  to: Version | null;
  reason: string;
  overrideReason: string | null;
  actor: { name: string; kind: Operation["actorKind"]; role: string };
  steps: Step[];
  ecs: { deploymentId: string | null; serviceDeploymentArn: string | null; followMode: Operation["followMode"] };
  progress: Progress | null;
  startedAt: Date;
  finishedAt: Date | null;
  outcomeReason: string | null;
  outcomeDetail: unknown;
  /** A restore's children, each a rollback of one service (only on a restore). */
  children?: OperationView[];
}

export function operationView(op: Operation, children?: readonly Operation[]): OperationView {
  return {
    id: op.id,
    parentId: op.parentId,
    action: op.action,
    status: op.status,
    service: { env: op.env, cluster: op.cluster, service: op.service },
    from: fromVersion(op.from) ?? null,
    to: fromVersion(op.to) ?? null,
    reason: op.reason,
    overrideReason: op.overrideReason,
    actor: { name: op.actor, kind: op.actorKind, role: op.role },
    steps: stepsOf(op),
    ecs: { deploymentId: op.ecsDeploymentId, serviceDeploymentArn: op.serviceDeploymentArn, followMode: op.followMode },
    progress: (op.progress as Progress | null) ?? null,
    startedAt: op.startedAt ?? op.createdAt,
    finishedAt: op.finishedAt,
    outcomeReason: op.outcomeReason,
    outcomeDetail: op.outcomeDetail ?? null,
    ...(children && { children: children.map((c) => operationView(c)) }),
  };
}
