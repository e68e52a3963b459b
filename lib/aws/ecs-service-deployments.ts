// Deployment history of a service from ListServiceDeployments + DescribeServiceDeployments (which
// include deployments made outside the dashboard, e.g. by CI). Deployments name service revisions;
// DescribeServiceRevisions turns those into task-definition ARNs (immutable, cached forever).
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  type ServiceDeployment,
} from "@aws-sdk/client-ecs";
import type { ServiceDeploymentRecord } from "@/lib/domain/types";
import { chunk } from "./batch";
import { mapServiceDeployment } from "./ecs-map";
import { cacheKey, type EnvScope } from "./runtime";

// DescribeServiceDeployments and DescribeServiceRevisions accept at most 20 ARNs.
const DESCRIBE_BATCH = 20;
const PAGE_SIZE = 100;

async function listArns(scope: EnvScope, cluster: string, service: string): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await scope.clients.ecs.send(new ListServiceDeploymentsCommand({ cluster, service, nextToken, maxResults: PAGE_SIZE }));
    arns.push(...(page.serviceDeployments ?? []).flatMap((d) => (d.serviceDeploymentArn ? [d.serviceDeploymentArn] : [])));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return arns;
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

/** Service deployments of one service, newest first. */
export function listServiceDeployments(scope: EnvScope, cluster: string, service: string): Promise<ServiceDeploymentRecord[]> {
  return scope.rt.mutable.get(
    cacheKey(scope, "ecs", "service-deployments", cluster, service),
    async () => {
      const arns = await listArns(scope, cluster, service);
      const pages = await Promise.all(
        chunk(arns, DESCRIBE_BATCH).map((batch) =>
          scope.clients.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: batch })),
        ),
      );
      const deployments = pages.flatMap((p) => p.serviceDeployments ?? []);
      const revisions = await resolveRevisions(scope, deployments.flatMap(revisionArnsOf));
      const newestFirst = (r: ServiceDeploymentRecord) => (r.createdAt ?? r.startedAt)?.getTime() ?? 0;
      return deployments.map((d) => mapServiceDeployment(d, revisions)).sort((a, b) => newestFirst(b) - newestFirst(a));
    },
    scope.fresh,
  );
}
