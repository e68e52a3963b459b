// Service deployments (aws-behaviour.md §8.1), which include deployments made outside the dashboard
// (e.g. by CI). Two uses: the cached deployment history of a service page (ListServiceDeployments +
// DescribeServiceDeployments, revisions resolved to task definitions through DescribeServiceRevisions,
// immutable and cached forever), and fresh reads for following a deployment, which skip the caches
// and throw typed lib/errors errors.
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  type ServiceDeployment,
  type ServiceDeploymentStatus as SdkStatus,
} from "@aws-sdk/client-ecs";
import type {
  DescribeFailure,
  ServiceDeploymentDetail,
  ServiceDeploymentRecord,
  ServiceDeploymentStatus,
  ServiceDeploymentSummary,
} from "@/lib/domain/types";
import { chunk } from "./batch";
import { mapFailure, mapServiceDeploymentDetail, mapServiceDeploymentSummary } from "./ecs-deployment-map";
import { mapServiceDeployment } from "./ecs-map";
import { typedAwsCall } from "./errors";
import { cacheKey, type EnvScope } from "./runtime";

// DescribeServiceDeployments and DescribeServiceRevisions accept at most 20 ARNs.
const DESCRIBE_BATCH = 20;
const PAGE_SIZE = 100;

export interface ServiceDeploymentFilter {
  cluster: string;
  service: string;
  status?: ServiceDeploymentStatus[];
  createdAfter?: Date;
  createdBefore?: Date;
}

// The SDK ships no paginator for ListServiceDeployments, so the nextToken loop is written out.
async function listBriefs(scope: EnvScope, filter: ServiceDeploymentFilter): Promise<ServiceDeploymentSummary[]> {
  const out: ServiceDeploymentSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await scope.clients.ecs.send(
      new ListServiceDeploymentsCommand({
        cluster: filter.cluster,
        service: filter.service,
        ...(filter.status && { status: filter.status as SdkStatus[] }),
        ...((filter.createdAfter || filter.createdBefore) && { createdAt: { after: filter.createdAfter, before: filter.createdBefore } }),
        nextToken,
        maxResults: PAGE_SIZE,
      }),
    );
    out.push(...(page.serviceDeployments ?? []).map(mapServiceDeploymentSummary));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return out;
}

async function describeRaw(scope: EnvScope, arns: readonly string[]): Promise<{ deployments: ServiceDeployment[]; failures: DescribeFailure[] }> {
  const pages = await Promise.all(
    chunk([...new Set(arns)], DESCRIBE_BATCH).map((batch) =>
      scope.clients.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: batch })),
    ),
  );
  return {
    deployments: pages.flatMap((p) => p.serviceDeployments ?? []),
    failures: pages.flatMap((p) => (p.failures ?? []).map(mapFailure)),
  };
}

/** Service deployments of one service as ListServiceDeployments reports them (newest first), fresh. */
export function listServiceDeploymentsFresh(scope: EnvScope, filter: ServiceDeploymentFilter): Promise<ServiceDeploymentSummary[]> {
  const key = cacheKey(scope, "fresh", "service-deployments", filter.cluster, filter.service, (filter.status ?? []).join(","), filter.createdAfter?.toISOString() ?? "", filter.createdBefore?.toISOString() ?? "");
  return scope.rt.inflight.share(key, () => typedAwsCall("ecs", "ListServiceDeployments", scope.env.region, () => listBriefs(scope, filter)));
}

/**
 * Every §8.1 field of the given service deployments, fresh, in batches of 20 ARNs (one call covers 20
 * followed operations of an account), plus the ARNs ECS could not answer for.
 */
export function describeServiceDeployments(
  scope: EnvScope,
  arns: readonly string[],
): Promise<{ deployments: ServiceDeploymentDetail[]; failures: DescribeFailure[] }> {
  if (arns.length === 0) return Promise.resolve({ deployments: [], failures: [] });
  const key = cacheKey(scope, "fresh", "describe-service-deployments", [...arns].sort().join(","));
  return scope.rt.inflight.share(key, () =>
    typedAwsCall("ecs", "DescribeServiceDeployments", scope.env.region, async () => {
      const { deployments, failures } = await describeRaw(scope, arns);
      return { deployments: deployments.map(mapServiceDeploymentDetail), failures };
    }),
  );
}

/**
 * Task-definition ARN per service-revision ARN. Revisions never change, so each is fetched once.
 * A role without ecs:DescribeServiceRevisions (it is newer than most read-only policies) leaves
 * revisions unresolved rather than failing the whole history: the records are still worth showing.
 */
async function resolveRevisions(scope: EnvScope, revisionArns: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unknown = revisionArns.filter((arn) => {
    const known = scope.rt.immutable.peek<string>(`service-revision|${arn}`);
    if (known !== undefined) out.set(arn, known);
    return known === undefined;
  });
  await Promise.all(
    chunk([...new Set(unknown)], DESCRIBE_BATCH).map(async (batch) => {
      const res = await scope.clients.ecs
        .send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: batch }))
        .catch(() => undefined);
      for (const r of res?.serviceRevisions ?? []) {
        if (!r.serviceRevisionArn || !r.taskDefinition) continue;
        scope.rt.immutable.set(`service-revision|${r.serviceRevisionArn}`, r.taskDefinition);
        out.set(r.serviceRevisionArn, r.taskDefinition);
      }
    }),
  );
  return out;
}

function revisionArnsOf(d: ServiceDeployment): string[] {
  return [d.targetServiceRevision?.arn, ...(d.sourceServiceRevisions ?? []).map((r) => r.arn)].filter(
    (arn): arn is string => arn !== undefined,
  );
}

/** A createdAt window for ListServiceDeployments, so a timeline's cost is bounded by its time range. */
export interface CreatedWindow {
  after?: Date;
  before?: Date;
}

/**
 * Service deployments of one service, newest first (cached): the service page's whole history, or
 * only those created inside `window` (the timeline).
 */
export function listServiceDeployments(scope: EnvScope, cluster: string, service: string, window: CreatedWindow = {}): Promise<ServiceDeploymentRecord[]> {
  const windowKey = window.after || window.before ? [`${window.after?.toISOString() ?? ""}..${window.before?.toISOString() ?? ""}`] : [];
  return scope.rt.mutable.get(
    cacheKey(scope, "ecs", "service-deployments", cluster, service, ...windowKey),
    async () => {
      const briefs = await listBriefs(scope, { cluster, service, createdAfter: window.after, createdBefore: window.before });
      const { deployments } = await describeRaw(scope, briefs.map((b) => b.arn));
      const revisions = await resolveRevisions(scope, deployments.flatMap(revisionArnsOf));
      const newestFirst = (r: ServiceDeploymentRecord) => (r.createdAt ?? r.startedAt)?.getTime() ?? 0;
      return deployments.map((d) => mapServiceDeployment(d, revisions)).sort((a, b) => newestFirst(b) - newestFirst(a));
    },
    scope.fresh,
  );
}
