// The AWS adapter's public surface: lib/queries and lib/deploy import from here.
export { awsRuntime, currentRuntime, envScope, prepareClients, resetAwsCaches, type AwsRuntime, type EnvScope } from "./runtime";
export { FreshnessTracker } from "./freshness";
export { hasErrorCode, toTypedAwsError, toUserFacingError } from "./errors";
export { invalidateService } from "./invalidate";
export { listClusterNames } from "./ecs-clusters";
export { describeService, describeServiceFresh, describeServicesFresh, listClusterServices } from "./ecs-services";
export { listClusterTasks, stoppedTasksOfService, tasksOfService } from "./ecs-tasks";
export { describeTaskDefinition, describeTaskDefinitionWithStatus, listFamilyRevisions, readFamilyRevisions, type FamilyRevision } from "./ecs-task-definitions";
export { describeActiveRevisions, describeFullTaskDefinition, registerTaskDefinition } from "./ecs-task-definition-writes";
export {
  describeServiceDeployments,
  listServiceDeployments,
  listServiceDeploymentsFresh,
  type CreatedWindow,
  type ServiceDeploymentFilter,
} from "./ecs-service-deployments";
export { findServiceDeploymentArn, stopServiceDeployment, updateServiceTaskDefinition, type ServiceUpdate } from "./ecs-service-writes";
export { describeRepository, listRepositories } from "./ecr-repositories";
export { describeImageFresh, imageIdKey, listImages, lookupImages, type ImageId } from "./ecr-images";
export { getScanFindings } from "./ecr-scan-findings";
export { getLifecyclePolicyText } from "./ecr-lifecycle";
export { checkAwsAccess, describeAccessChecks, type AccessCheck } from "./startup-check";
