// The deployment history a restore decides from: every service of the environment's clusters as ECS
// describes it now (fresh), each with its service deployments (ListServiceDeployments, kept 90 days)
// plus our own finished operations ECS has no record of: those followed through DescribeServices alone,
// without a service-deployment ARN. One with an ARN is in ECS's history, or older than it.
import { describeServicesFresh, listClusterNames, listClusterServices, listServiceDeployments, type EnvScope } from "@/lib/aws";
import type { Service, ServiceDeploymentRecord } from "@/lib/domain/types";
import { listOperations, type Operation } from "@/lib/store";
import type { DeployContext } from "./context";
import { fromVersion } from "./version";

export interface ServiceHistory {
  cluster: string;
  service: Service;
  records: ServiceDeploymentRecord[];
}

// Our operations read back per restore plan: one page, newest first. Older ones are in ECS's history too
// unless they were followed without it, which only very old accounts or tight IAM policies do.
const OPERATIONS_PAGE = 200;

const ENDED_AS: Partial<Record<Operation["status"], string>> = { succeeded: "SUCCESSFUL", rolled_back: "ROLLBACK_SUCCESSFUL", stopped: "ROLLBACK_SUCCESSFUL" };

/** Our finished operation as the deployment record ECS would have kept. */
function recordOf(op: Operation): ServiceDeploymentRecord | undefined {
  const status = ENDED_AS[op.status];
  const target = fromVersion(op.to)?.taskDefinitionArn;
  const source = fromVersion(op.from)?.taskDefinitionArn;
  if (!status || !op.finishedAt || op.action === "stop" || op.action === "restore") return undefined;
  return {
    arn: `operation:${op.id}`,
    status,
    ...(target && { targetTaskDefinitionArn: target }),
    sourceTaskDefinitionArns: source ? [source] : [],
    createdAt: op.startedAt ?? op.createdAt,
    finishedAt: op.finishedAt,
  };
}

async function ourRecords(ctx: DeployContext, env: string): Promise<Map<string, ServiceDeploymentRecord[]>> {
  const page = await listOperations(ctx.store.db, { env, statuses: ["succeeded", "rolled_back", "stopped"] }, { limit: OPERATIONS_PAGE });
  const out = new Map<string, ServiceDeploymentRecord[]>();
  for (const op of page.operations) {
    const record = op.serviceDeploymentArn ? undefined : recordOf(op);
    if (!record) continue;
    const key = `${op.cluster}/${op.service}`;
    out.set(key, [...(out.get(key) ?? []), record]);
  }
  return out;
}

/** `only` (`cluster/service`) narrows it to the services a restore ticked: a start reads no others. */
export async function readEnvironmentHistory(ctx: DeployContext, scope: EnvScope, only?: ReadonlySet<string>): Promise<ServiceHistory[]> {
  const [clusters, ours] = await Promise.all([listClusterNames(scope), ourRecords(ctx, scope.env.id)]);
  const perCluster = await Promise.all(
    clusters.map(async (cluster) => {
      const names = (await listClusterServices(scope, cluster)).map((s) => s.name).filter((name) => !only || only.has(`${cluster}/${name}`));
      if (names.length === 0) return [];
      const fresh = await describeServicesFresh(scope, cluster, names);
      return Promise.all(
        [...fresh.values()].map(async (service) => {
          const ecs = await listServiceDeployments(scope, cluster, service.name);
          return { cluster, service, records: [...ecs, ...(ours.get(`${cluster}/${service.name}`) ?? [])] };
        }),
      );
    }),
  );
  return perCluster.flat().sort((a, b) => a.cluster.localeCompare(b.cluster) || a.service.name.localeCompare(b.service.name));
}
