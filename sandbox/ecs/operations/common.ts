// Small readers shared by the ECS operations: the model from the context, `include` lists, maxResults,
// and the deployment history a service-deployment or service-revision ARN points into.
import type { Input, OperationContext } from "../../core/operation";
import { oneOf, optionalInteger, optionalStringList } from "../../core/validate";
import { parseEcsArn } from "../arns";
import type { EcsRegion } from "../state";
import type { Deployment } from "../types";

export const ecs = (ctx: OperationContext): EcsRegion => ctx.world.ecs;

/** `maxResults` 1–100 for every ECS List* operation (aws-behaviour.md §1.5). */
export const readMaxResults = (input: Input) => optionalInteger(input, "maxResults", { min: 1, max: 100 });

export function includes<T extends string>(input: Input, allowed: readonly T[], wanted: T): boolean {
  const list = optionalStringList(input, "include") ?? [];
  for (const item of list) oneOf(item, "include", allowed);
  return list.includes(wanted);
}

/**
 * `…:{type}/{cluster}/{service}/{id}` of this account and Region → that service's deployment history, or
 * undefined (the caller reports the ARN as MISSING). A recreated service starts a new history.
 */
export function historyOf(region: EcsRegion, arn: string, type: "service-deployment" | "service-revision"): Deployment[] | undefined {
  const parsed = parseEcsArn(arn);
  if (parsed?.type !== type || parsed.account !== region.account || parsed.region !== region.region) return undefined;
  const [cluster = "", service = ""] = parsed.rest.split("/");
  return region.clusters.get(cluster)?.services.get(service)?.history;
}

export function findServiceDeployment(region: EcsRegion, arn: string): Deployment | undefined {
  return historyOf(region, arn, "service-deployment")?.find((d) => d.record.arn === arn);
}
