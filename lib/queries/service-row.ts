// One overview row: what a service runs (revision, per-container image, tag, commit, digests
// actually running) and how its rollout stands.
import { classifyRollout, primaryOf } from "@/lib/domain/rollout";
import { detectDigestDrift } from "@/lib/domain/digest-drift";
import { parseImageReference } from "@/lib/domain/image-reference";
import type { Service, Task, TaskDefinitionRevision } from "@/lib/domain/types";
import { commitLink } from "./commit";
import type { QueryContext } from "./context";
import { revisionRef } from "./revision-ref";
import type { ContainerImage, ServiceRow } from "./types";

function runningDigests(tasks: readonly Task[], container: string): string[] {
  const digests = new Set<string>();
  for (const task of tasks) {
    if (task.lastStatus !== "RUNNING") continue;
    const digest = task.containers.find((c) => c.name === container)?.imageDigest;
    if (digest) digests.add(digest);
  }
  return [...digests].sort();
}

/** What a container definition's image string says: the parsed reference, its ECR repository and tag. */
export function imageParts(container: { name: string; image: string }) {
  const reference = parseImageReference(container.image);
  const repository = reference?.ecr ? reference.repository : undefined;
  return {
    container: container.name,
    image: container.image,
    ...(reference && { reference }),
    ...(repository && { repository }),
    ...(reference?.tag && { tag: reference.tag }),
  };
}

export function containerImages(ctx: QueryContext, taskDefinition: TaskDefinitionRevision, tasks: readonly Task[]): ContainerImage[] {
  return taskDefinition.containers.map((c) => {
    const parts = imageParts(c);
    const commit = parts.tag ? commitLink(ctx.config, parts.repository, [parts.tag]) : undefined;
    return { ...parts, ...(commit && { commit }), runningDigests: runningDigests(tasks, c.name) };
  });
}

function consoleUrl(region: string, cluster: string, service: string): string {
  const c = encodeURIComponent(cluster);
  const s = encodeURIComponent(service);
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${c}/services/${s}/health?region=${region}`;
}

export function serviceRow(
  ctx: QueryContext,
  env: { id: string; region: string },
  service: Service,
  taskDefinition: TaskDefinitionRevision,
  tasks: readonly Task[],
): ServiceRow {
  const rollout = classifyRollout(service, { now: ctx.now, stuckAfterMs: ctx.config.ui.stuckAfterMs });
  const primary = primaryOf(service);
  const cluster = service.clusterName;
  return {
    envId: env.id,
    cluster,
    name: service.name,
    arn: service.arn,
    status: service.status,
    links: {
      page: `/services/${encodeURIComponent(env.id)}/${encodeURIComponent(cluster)}/${encodeURIComponent(service.name)}`,
      console: consoleUrl(env.region, cluster, service.name),
    },
    revision: revisionRef(service.taskDefinitionArn),
    revisionInactive: taskDefinition.status === "INACTIVE",
    containers: containerImages(ctx, taskDefinition, tasks),
    desiredCount: service.desiredCount,
    runningCount: service.runningCount,
    pendingCount: service.pendingCount,
    rollout,
    ...(primary?.createdAt && { deploymentStartedAt: primary.createdAt }),
    digestDrift: detectDigestDrift(tasks).drift,
  };
}
