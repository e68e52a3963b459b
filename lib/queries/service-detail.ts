// The service page: deployments with progress, events, tasks with the digests they run (and drift),
// the family's revision history and the ECS service-deployment history. The service itself must
// be readable (else 404 or 503); the history sections fail independently with an inline error.
import {
  describeService,
  describeTaskDefinition,
  hasErrorCode,
  listClusterTasks,
  listServiceDeployments,
  tasksOfService,
  toUserFacingError,
  type EnvScope,
} from "@/lib/aws";
import { arnResourceTail } from "@/lib/domain/arn";
import { detectDigestDrift } from "@/lib/domain/digest-drift";
import type { Service } from "@/lib/domain/types";
import { AwsUnavailableError, NotFoundError } from "@/lib/errors";
import { enrichFromEcr } from "./enrich-from-ecr";
import { assertClusterAllowed, findEnvironment, freshness, queryContext, scopeOf, type QueryOptions } from "./context";
import { revisionHistory } from "./revision-history";
import { revisionRef } from "./revision-ref";
import { serviceRow } from "./service-row";
import type { ServiceDeploymentView, ServiceDetail, UserFacingError } from "./types";

async function ecsRead<T>(scope: EnvScope, cluster: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (hasErrorCode(error, "ClusterNotFoundException")) throw new NotFoundError("cluster", cluster);
    throw new AwsUnavailableError(toUserFacingError(error, "ecs", scope.env.region));
  }
}

/** Runs a section read; its failure becomes `{ error }` instead of failing the page. */
async function section<T>(scope: EnvScope, read: () => Promise<T>): Promise<{ value: T } | { error: UserFacingError }> {
  try {
    return { value: await read() };
  } catch (error) {
    return { error: toUserFacingError(error, "ecs", scope.env.region) };
  }
}

async function deploymentHistory(scope: EnvScope, service: Service): Promise<ServiceDeploymentView[]> {
  const records = await listServiceDeployments(scope, service.clusterName, service.name);
  return records.map((record) => ({
    record,
    ...(record.targetTaskDefinitionArn && { target: revisionRef(record.targetTaskDefinitionArn) }),
    sources: record.sourceTaskDefinitionArns.map(revisionRef),
  }));
}

export async function getServiceDetail(envId: string, cluster: string, serviceName: string, opts?: QueryOptions): Promise<ServiceDetail> {
  const ctx = queryContext(opts);
  const env = findEnvironment(ctx, envId);
  assertClusterAllowed(env, cluster);
  const scope = scopeOf(ctx, env);
  const [service, clusterTasks] = await Promise.all([
    ecsRead(scope, cluster, () => describeService(scope, cluster, serviceName)),
    ecsRead(scope, cluster, () => listClusterTasks(scope, cluster)),
  ]);
  if (!service) throw new NotFoundError("service", serviceName);
  const tasks = tasksOfService(clusterTasks, serviceName);
  const taskDefinition = await ecsRead(scope, cluster, () => describeTaskDefinition(scope, service.taskDefinitionArn));
  const row = serviceRow(ctx, env, service, taskDefinition, tasks);
  const [, revisions, history] = await Promise.all([
    enrichFromEcr(ctx, scope, row.containers),
    section(scope, () => revisionHistory(ctx, scope, taskDefinition.family, service.taskDefinitionArn)),
    section(scope, () => deploymentHistory(scope, service)),
  ]);
  // The family listing is fresher than the cached definition: the running revision may be deregistered since.
  const listedCurrent = "value" in revisions ? revisions.value.revisions.find((r) => r.isCurrent) : undefined;
  return {
    ...freshness(ctx),
    envId: env.id,
    envName: env.name,
    region: env.region,
    cluster,
    service,
    row: listedCurrent ? { ...row, revisionInactive: listedCurrent.status === "INACTIVE" } : row,
    deployments: service.deployments.map((deployment) => ({
      deployment,
      revision: revisionRef(deployment.taskDefinitionArn),
      isPrimary: deployment.status === "PRIMARY",
    })),
    events: service.events,
    tasks: tasks.map((task) => ({ task, id: arnResourceTail(task.arn), revision: revisionRef(task.taskDefinitionArn) })),
    drift: detectDigestDrift(tasks),
    revisions: "value" in revisions ? revisions.value.revisions : [],
    revisionsTotal: "value" in revisions ? revisions.value.total : 0,
    ...("error" in revisions && { revisionsError: revisions.error }),
    serviceDeployments: "value" in history ? history.value : [],
    ...("error" in history && { serviceDeploymentsError: history.error }),
  };
}
