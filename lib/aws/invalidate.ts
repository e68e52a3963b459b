// Cache invalidation for verbs that change a service (rollback/deploy): the next read of the
// service, its cluster's listing and tasks, its deployment history and the task-definition
// families goes to AWS instead of waiting out the TTL.
import { currentRuntime } from "./runtime";

export function invalidateService(envId: string, cluster: string, service: string): void {
  const rt = currentRuntime();
  if (!rt) return;
  for (const key of [
    `${envId}|ecs|services|${cluster}`,
    `${envId}|ecs|service|${cluster}|${service}`,
    `${envId}|ecs|tasks|${cluster}`,
    `${envId}|ecs|service-deployments|${cluster}|${service}`,
    `${envId}|ecs|family`,
  ]) {
    rt.mutable.invalidate(key);
  }
}
