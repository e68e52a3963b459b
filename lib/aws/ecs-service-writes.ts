// The two ECS writes a rollback or deploy makes on a service: UpdateService with a new task
// definition (and nothing else: no forceNewDeployment, no desiredCount, no configuration), and
// StopServiceDeployment, ECS's own 1-click rollback (aws-behaviour.md §8.2). Both go through the
// write concurrency slot (see clients.ts), throw typed lib/errors errors, and drop the cached reads
// of the service they changed so the next page view shows the change.
import { StopServiceDeploymentCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { serviceDeploymentParts } from "@/lib/domain/arn";
import { primaryOf } from "@/lib/domain/rollout";
import type { Service } from "@/lib/domain/types";
import { listServiceDeploymentsFresh } from "./ecs-service-deployments";
import { mapService } from "./ecs-map";
import { typedAwsCall } from "./errors";
import { invalidateService } from "./invalidate";
import type { EnvScope } from "./runtime";

// ECS creates the service deployment with the deployment; clocks are compared with this much slack.
const MATCH_WINDOW_MS = 60_000;

export interface ServiceUpdate {
  /** The new PRIMARY deployment's id (`ecs-svc/…`), as DescribeServices will report it. */
  deploymentId: string;
  /** The matching service deployment, when ListServiceDeployments reports it (§8.1); absent where that API is refused. */
  serviceDeploymentArn?: string;
  /** The service as UpdateService returned it. */
  service: Service;
}

/**
 * The service deployment ECS created with the deployment started at `deploymentCreatedAt`: the one
 * created closest to it. Undefined when none is reported yet or the API is refused (older accounts,
 * a policy without ecs:ListServiceDeployments): the caller then follows DescribeServices (§3.2).
 */
export async function findServiceDeploymentArn(
  scope: EnvScope,
  input: { cluster: string; service: string; deploymentCreatedAt?: Date },
): Promise<string | undefined> {
  const at = input.deploymentCreatedAt?.getTime();
  const createdAfter = at === undefined ? undefined : new Date(at - MATCH_WINDOW_MS);
  const briefs = await listServiceDeploymentsFresh(scope, { cluster: input.cluster, service: input.service, ...(createdAfter && { createdAfter }) });
  const distance = (created: Date | undefined) => (at === undefined || !created ? 0 : Math.abs(created.getTime() - at));
  const candidates = briefs.filter((b) => distance(b.createdAt) <= MATCH_WINDOW_MS);
  candidates.sort((a, b) => distance(a.createdAt) - distance(b.createdAt) || (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  return candidates[0]?.arn;
}

/** Starts a deployment of `taskDefinitionArn` on the service, changing nothing else. */
export async function updateServiceTaskDefinition(
  scope: EnvScope,
  input: { cluster: string; service: string; taskDefinitionArn: string },
): Promise<ServiceUpdate> {
  const out = await typedAwsCall("ecs", "UpdateService", scope.env.region, () =>
    scope.clients.ecs.send(new UpdateServiceCommand({ cluster: input.cluster, service: input.service, taskDefinition: input.taskDefinitionArn })),
  );
  invalidateService(scope.env.id, input.cluster, input.service);
  const service = mapService(out.service ?? {});
  const primary = primaryOf(service);
  if (!primary) throw new Error(`UpdateService on ${input.service} returned no PRIMARY deployment`);
  // The change is made: a failed lookup must not read as a failed UpdateService.
  const serviceDeploymentArn = await findServiceDeploymentArn(scope, {
    cluster: input.cluster,
    service: input.service,
    ...(primary.createdAt && { deploymentCreatedAt: primary.createdAt }),
  }).catch(() => undefined);
  return { deploymentId: primary.id, ...(serviceDeploymentArn && { serviceDeploymentArn }), service };
}

/** Asks ECS to stop a PENDING or IN_PROGRESS deployment and roll back to the service's previous revision (§8.2). */
export async function stopServiceDeployment(scope: EnvScope, input: { serviceDeploymentArn: string }): Promise<{ serviceDeploymentArn: string }> {
  const out = await typedAwsCall("ecs", "StopServiceDeployment", scope.env.region, () =>
    scope.clients.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: input.serviceDeploymentArn, stopType: "ROLLBACK" })),
  );
  const parts = serviceDeploymentParts(input.serviceDeploymentArn);
  if (parts) invalidateService(scope.env.id, parts.cluster, parts.service);
  return { serviceDeploymentArn: out.serviceDeploymentArn ?? input.serviceDeploymentArn };
}
