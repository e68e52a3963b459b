// The service as AWS reports it now (fresh, never the shared read cache): its description and the whole
// task definition its PRIMARY deployment runs. Every plan and preflight starts here.
import { describeFullTaskDefinition, describeServiceFresh, type EnvScope } from "@/lib/aws";
import { NotFoundError } from "@/lib/errors";
import { primaryOf } from "@/lib/domain/rollout";
import type { TaskDefinition } from "@/lib/domain/task-definition";
import type { Deployment, Service } from "@/lib/domain/types";
import type { ServiceRef } from "./operation-input";

export interface ServiceState {
  service: Service;
  primary?: Deployment;
  current: TaskDefinition;
}

export async function readServiceState(scope: EnvScope, ref: ServiceRef): Promise<ServiceState> {
  const service = await describeServiceFresh(scope, ref.cluster, ref.service);
  if (!service || service.status !== "ACTIVE") throw new NotFoundError("service", `${ref.cluster}/${ref.service}`);
  const primary = primaryOf(service);
  const current = await describeFullTaskDefinition(scope, primary?.taskDefinitionArn ?? service.taskDefinitionArn);
  return { service, current, ...(primary && { primary }) };
}

/** A deployment still rolling out: a PRIMARY not yet COMPLETED, or more than one deployment listed. */
export function deploymentInProgress(service: Service): Deployment | undefined {
  const primary = primaryOf(service);
  if (!primary) return undefined;
  if (primary.rolloutState === "IN_PROGRESS" || service.deployments.length > 1) return primary;
  return undefined;
}
