// CreateService and UpdateService on the model: which parameters start a deployment (aws-behaviour.md
// §2.3), which only change settings, and the task-definition checks both share.
import { AwsError, clientException, invalidParameter } from "../core/aws-error";
import type { Input } from "../core/operation";
import { oneOf, optionalBoolean, optionalInteger, optionalObject, optionalString, requiredString } from "../core/validate";
import { serviceArn } from "./arns";
import { defaultDeploymentConfig, mergeDeploymentConfig } from "./deployment-config";
import { startDeployment } from "./deployments";
import { serviceNotActive } from "./errors";
import type { EcsRegion } from "./state";
import { readTags } from "./tags";
import type { Service, TaskDefinitionRecord } from "./types";

/** Settings echoed back by DescribeServices; changing them does not start a deployment. */
const ECHOED_SETTINGS = [
  "loadBalancers", "serviceRegistries", "placementConstraints", "placementStrategy", "healthCheckGracePeriodSeconds",
  "enableECSManagedTags", "propagateTags", "enableExecuteCommand", "capacityProviderStrategy", "availabilityZoneRebalancing",
] as const;

/** UpdateService parameters that start a new deployment besides taskDefinition and forceNewDeployment. */
const DEPLOYING_PARAMS = [
  "networkConfiguration", "platformVersion", "loadBalancers", "serviceRegistries", "capacityProviderStrategy",
  "volumeConfigurations", "serviceConnectConfiguration", "vpcLatticeConfigurations",
] as const;

const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const COUNT = { min: 0, max: 100_000 };

/**
 * Emulator choice: an INACTIVE revision is refused with ClientException "TaskDefinition is inactive" (the
 * code seen for UpdateService through CloudFormation, aws/aws-cdk #33195), without AWS's up-to-10-minute lag.
 */
function deployableTaskDefinition(region: EcsRegion, ref: string): TaskDefinitionRecord {
  const td = region.taskDefinitions.find(ref);
  if (!td) throw invalidParameter("TaskDefinition not found.");
  if (td.status !== "ACTIVE") throw clientException("TaskDefinition is inactive");
  return td;
}

function applySettings(service: Service, input: Input): void {
  for (const key of ECHOED_SETTINGS) {
    if (input[key] !== undefined && input[key] !== null) service.settings[key] = input[key];
  }
}

export function createService(region: EcsRegion, input: Input, now: number): Service {
  const cluster = region.cluster(optionalString(input, "cluster"));
  const name = requiredString(input, "serviceName");
  if (!SERVICE_NAME.test(name)) throw invalidParameter("Service name can contain up to 255 letters, numbers, hyphens, and underscores.");
  const existing = cluster.services.get(name);
  if (existing && existing.status !== "INACTIVE") throw invalidParameter("Creation of service was not idempotent.");
  const controller = optionalObject(input, "deploymentController")?.type ?? "ECS";
  // Emulator choice: only the rolling-update (ECS) controller and REPLICA scheduling are simulated.
  if (controller !== "ECS") throw new AwsError("UnsupportedFeatureException", "The sandbox simulates only the ECS deployment controller.");
  const strategy = oneOf(optionalString(input, "schedulingStrategy"), "schedulingStrategy", ["REPLICA"]) ?? "REPLICA";
  const td = deployableTaskDefinition(region, requiredString(input, "taskDefinition"));
  // Emulator choice: no container instances are modelled, so the default launch type is FARGATE (AWS
  // uses EC2 or the cluster's default capacity provider strategy) and a missing desiredCount means 1.
  const launchType = oneOf(optionalString(input, "launchType"), "launchType", ["EC2", "FARGATE", "EXTERNAL"]) ?? "FARGATE";
  const service: Service = {
    name,
    arn: serviceArn(region.scope, cluster.name, name),
    cluster,
    status: "ACTIVE",
    desiredCount: optionalInteger(input, "desiredCount", COUNT) ?? 1,
    launchType,
    platformVersion: optionalString(input, "platformVersion") ?? (launchType === "FARGATE" ? "LATEST" : undefined),
    schedulingStrategy: strategy,
    deploymentControllerType: "ECS",
    deploymentConfiguration: mergeDeploymentConfig(defaultDeploymentConfig(), optionalObject(input, "deploymentConfiguration")),
    networkConfiguration: optionalObject(input, "networkConfiguration"),
    settings: { loadBalancers: [], serviceRegistries: [], placementConstraints: [], placementStrategy: [], enableECSManagedTags: false, propagateTags: "NONE", enableExecuteCommand: false },
    createdAt: now,
    createdBy: `arn:aws:iam::${region.account}:root`,
    tags: readTags(input) ?? [],
    events: [],
    deployments: [],
    history: [],
    steady: false,
  };
  applySettings(service, input);
  cluster.services.delete(name);
  cluster.services.set(name, service);
  startDeployment(region.sim, service, td, now);
  return service;
}

export function updateService(region: EcsRegion, input: Input, now: number): Service {
  const cluster = region.cluster(optionalString(input, "cluster"));
  const service = region.service(cluster, requiredString(input, "service"));
  if (service.status !== "ACTIVE") throw serviceNotActive();
  const tdRef = optionalString(input, "taskDefinition");
  const td = tdRef === undefined ? undefined : deployableTaskDefinition(region, tdRef);
  const desiredCount = optionalInteger(input, "desiredCount", COUNT);
  const config = mergeDeploymentConfig(service.deploymentConfiguration, optionalObject(input, "deploymentConfiguration"));
  const force = optionalBoolean(input, "forceNewDeployment") ?? false;
  const current = service.deployments[0]?.taskDefinition;
  // Emulator choice: naming the task definition the service already runs does not start a deployment;
  // forceNewDeployment does (and re-resolves image tags).
  const deploys = force || (td !== undefined && td !== current) || DEPLOYING_PARAMS.some((k) => input[k] != null);

  service.deploymentConfiguration = config;
  if (desiredCount !== undefined) {
    service.desiredCount = desiredCount;
    const primary = service.deployments[0];
    if (primary?.status === "PRIMARY") primary.desiredCount = desiredCount;
  }
  if (input.networkConfiguration != null) service.networkConfiguration = optionalObject(input, "networkConfiguration");
  const platformVersion = optionalString(input, "platformVersion");
  if (platformVersion !== undefined) service.platformVersion = platformVersion;
  applySettings(service, input);
  const target = td ?? current;
  if (deploys && target) startDeployment(region.sim, service, target, now);
  else region.sim.wake(service, now);
  return service;
}

/** The service drains to zero as DRAINING and turns INACTIVE once its last task stopped (rollout/step.ts). */
export function deleteService(region: EcsRegion, input: Input, now: number): Service {
  const cluster = region.cluster(optionalString(input, "cluster"));
  const service = region.service(cluster, requiredString(input, "service"));
  if (service.status !== "ACTIVE") throw serviceNotActive();
  if (service.desiredCount > 0 && optionalBoolean(input, "force") !== true) {
    throw invalidParameter("The service cannot be stopped while it is scaled above 0.");
  }
  service.status = "DRAINING";
  service.desiredCount = 0;
  const primary = service.deployments[0];
  if (primary) primary.desiredCount = 0;
  region.sim.wake(service, now);
  return service;
}
