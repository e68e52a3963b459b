// The JSON summary GET /_sandbox/state shows: per cluster, each service's counts and deployments.
import { deploymentCounts } from "./deployments";
import type { EcsRegion } from "./state";

export function summarise(region: EcsRegion) {
  return {
    clock: new Date(region.clock).toISOString(),
    taskDefinitionFamilies: region.taskDefinitions.familyCount(),
    alarms: region.alarms.snapshot(),
    clusters: [...region.clusters.values()].map((cluster) => ({
      name: cluster.name,
      tasks: cluster.tasks.size,
      services: [...cluster.services.values()].map((service) => ({
        name: service.name,
        status: service.status,
        desiredCount: service.desiredCount,
        taskDefinition: service.deployments[0]?.taskDefinition.arn,
        steady: service.steady,
        deployments: service.deployments.map((d) => ({
          id: d.id,
          status: d.status,
          rolloutState: d.rolloutState,
          serviceDeploymentStatus: d.record.status,
          lifecycleStage: d.record.lifecycleStage,
          failedTasks: d.failedTasks,
          ...deploymentCounts(d),
        })),
      })),
    })),
  };
}
