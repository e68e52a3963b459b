// Every ECS operation the sandbox serves, keyed by the X-Amz-Target operation name.
import type { OperationTable } from "../core/operation";
import { clusterOperations } from "./operations/clusters";
import { serviceDeploymentOperations } from "./operations/service-deployments";
import { serviceRevisionOperations } from "./operations/service-revisions";
import { serviceOperations } from "./operations/services";
import { stopServiceDeploymentOperations } from "./operations/stop-service-deployment";
import { tagOperations } from "./operations/tags";
import { taskDefinitionOperations } from "./operations/task-definitions";
import { taskOperations } from "./operations/tasks";

export const ecsOperations: OperationTable = {
  ...clusterOperations,
  ...serviceOperations,
  ...taskDefinitionOperations,
  ...taskOperations,
  ...serviceDeploymentOperations,
  ...stopServiceDeploymentOperations,
  ...serviceRevisionOperations,
  ...tagOperations,
};
