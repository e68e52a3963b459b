// One line of the "what changed?" timeline, from either source: an operation of ours (who, why, from →
// to, outcome, with ECS's own status of the deployment it made) or an ECS service deployment made
// outside the dashboard (CI, console, API), which has no actor or reason of ours.
import { taskDefinitionLabel } from "@/lib/domain/arn";
import type { ServiceDeploymentRecord } from "@/lib/domain/types";
import { outcomeOfEcsStatus, type TimelineOutcome } from "@/lib/domain/timeline-outcome";
import { fromVersion } from "@/lib/deploy/version";
import type { Operation } from "@/lib/store";

export interface TimelineEntry {
  /** `op:<id>` or `ecs:<service deployment ARN>`: unique across the timeline. */
  key: string;
  source: "steady-state" | "outside";
  /** When the change was made: the operation's creation, or ECS's createdAt. */
  at: Date;
  finishedAt: Date | null;
  envId: string;
  cluster: string;
  service: string;
  action: Operation["action"] | "deployment";
  actor: { name: string; kind: Operation["actorKind"]; role: string } | null;
  reason: string | null;
  /** Revision labels (`family:N`) running before; several when ECS replaced more than one. */
  from: string[];
  to: string | null;
  outcome: TimelineOutcome | null;
  /** ECS's status of the service deployment (for ours, the one the operation made, when listed). */
  ecsStatus: string | null;
  /** Why it ended that way (ours), or ECS's status / rollback reason. */
  detail: string | null;
  operationId: string | null;
  /** The restore this operation is one service of (shown folded under it). */
  parentId: string | null;
  serviceDeploymentArn: string | null;
  /** A restore's children, one rollback per service, folded under it on the timeline. */
  children?: TimelineEntry[];
  /** Dashboard path: the operation's page, or the service page for an outside deployment. */
  href: string;
  serviceHref: string;
}

const servicePath = (env: string, cluster: string, service: string) =>
  `/services/${encodeURIComponent(env)}/${encodeURIComponent(cluster)}/${encodeURIComponent(service)}`;

export function operationEntry(op: Operation, ecs: ServiceDeploymentRecord | undefined): TimelineEntry {
  const from = fromVersion(op.from)?.label;
  return {
    key: `op:${op.id}`,
    source: "steady-state",
    at: op.createdAt,
    finishedAt: op.finishedAt,
    envId: op.env,
    cluster: op.cluster,
    service: op.service,
    action: op.action,
    actor: { name: op.actor, kind: op.actorKind, role: op.role },
    reason: op.reason,
    from: from ? [from] : [],
    to: fromVersion(op.to)?.label ?? null,
    outcome: op.status,
    ecsStatus: ecs?.status ?? null,
    detail: op.outcomeReason,
    operationId: op.id,
    parentId: op.parentId,
    serviceDeploymentArn: op.serviceDeploymentArn,
    href: `/operations/${encodeURIComponent(op.id)}`,
    serviceHref: servicePath(op.env, op.cluster, op.service),
  };
}

export interface EcsDeployment {
  envId: string;
  cluster: string;
  service: string;
  record: ServiceDeploymentRecord;
}

export const ecsTime = (record: ServiceDeploymentRecord): number => (record.createdAt ?? record.startedAt)?.getTime() ?? 0;

export function outsideEntry({ envId, cluster, service, record }: EcsDeployment): TimelineEntry {
  return {
    key: `ecs:${record.arn}`,
    source: "outside",
    at: new Date(ecsTime(record)),
    finishedAt: record.finishedAt ?? record.stoppedAt ?? null,
    envId,
    cluster,
    service,
    action: "deployment",
    actor: null,
    reason: null,
    from: record.sourceTaskDefinitionArns.map(taskDefinitionLabel),
    to: record.targetTaskDefinitionArn ? taskDefinitionLabel(record.targetTaskDefinitionArn) : null,
    outcome: outcomeOfEcsStatus(record.status) ?? null,
    ecsStatus: record.status,
    detail: record.rollbackReason ?? record.statusReason ?? null,
    operationId: null,
    parentId: null,
    serviceDeploymentArn: record.arn,
    href: servicePath(envId, cluster, service),
    serviceHref: servicePath(envId, cluster, service),
  };
}
