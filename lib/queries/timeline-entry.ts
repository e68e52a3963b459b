// One line of the "what changed?" timeline, from either source: an operation of ours (who, why, from →
// to, outcome, with ECS's own status of the deployment it made) or an ECS service deployment made
// outside the dashboard (CI, console, API), which has no actor or reason of ours.
import { taskDefinitionLabel } from "@/lib/domain/arn";
import type { ContainerCommit } from "@/lib/domain/deployment-provenance";
import { parseImageReference } from "@/lib/domain/image-reference";
import { shortSha } from "@/lib/domain/prod-tag";
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
  /** The task definition deployed, when known (an operation that failed before registering its clone has none). */
  toTaskDefinitionArn: string | null;
  /** The commit of each container image deployed, read from its tag through the configured pattern. */
  commits: TimelineCommit[];
  /** The CI run that registered the deployed revision (its `ci:run-url` tag); outside deployments only. */
  runUrl: string | null;
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

export interface TimelineCommit {
  container: string;
  sha: string;
  shortSha: string;
  /** The commit page, from the repository's git link template; absent when none is configured. */
  url?: string;
}

/** The commit page of `sha` in `repository` (the configuration's git links). */
export type CommitUrl = (repository: string, sha: string) => string | undefined;

type CommitOf = Pick<ContainerCommit, "container" | "repository" | "sha">;

export function timelineCommits(commits: readonly CommitOf[], commitUrl: CommitUrl): TimelineCommit[] {
  return commits.map(({ container, repository, sha }) => {
    const url = commitUrl(repository, sha);
    return { container, sha, shortSha: shortSha(sha), ...(url && { url }) };
  });
}

/** An operation's "to" as the store recorded it: each image's SHA as ECR knew it when the plan was made. */
function operationCommits(op: Operation): CommitOf[] {
  return (fromVersion(op.to)?.containers ?? []).flatMap((c) => {
    const repository = parseImageReference(c.image)?.repository;
    return c.sha && repository ? [{ container: c.name, repository, sha: c.sha }] : [];
  });
}

const servicePath = (env: string, cluster: string, service: string) =>
  `/services/${encodeURIComponent(env)}/${encodeURIComponent(cluster)}/${encodeURIComponent(service)}`;

function lastEcsStatus(progress: unknown): string | undefined {
  const status = typeof progress === "object" && progress !== null ? (progress as { status?: unknown }).status : undefined;
  return typeof status === "string" ? status : undefined;
}

export function operationEntry(op: Operation, ecs: ServiceDeploymentRecord | undefined, commitUrl: CommitUrl): TimelineEntry {
  const from = fromVersion(op.from)?.label;
  const to = fromVersion(op.to);
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
    to: to?.label ?? null,
    toTaskDefinitionArn: to?.taskDefinitionArn ?? null,
    commits: timelineCommits(operationCommits(op), commitUrl),
    runUrl: null,
    outcome: op.status,
    // The window's listing may miss our deployment (ECS's clock, the listing's cache): the status the
    // follower last read from ECS for this operation stands in, so ours always say how ECS ended them.
    ecsStatus: ecs?.status ?? lastEcsStatus(op.progress) ?? null,
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
    toTaskDefinitionArn: record.targetTaskDefinitionArn ?? null,
    // Read off the deployed revision for the page's entries only (timeline-provenance.ts).
    commits: [],
    runUrl: null,
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
