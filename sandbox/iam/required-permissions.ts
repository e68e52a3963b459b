// What IAM checks for one call (aws-behaviour.md §6): the operation's own action on the resource it
// targets, then ecs:TagResource for tags given on create, then iam:PassRole for every role a task
// definition names. Resources follow the ECS and ECR service authorization references; actions that
// support no resource-level permissions (RegisterTaskDefinition, the List*/Describe* of task
// definitions, …) are checked against `*`, which is also what AWS prints in their denial.
import type { Input, RegionWorld } from "../core/operation";
import { clusterArn, lastSegment, serviceArn, taskDefinitionArn } from "../ecs/arns";
import type { ServiceName } from "../wire/target";
import type { Permission } from "./identities";

const text = (input: Input, key: string): string | undefined => {
  const value = input[key];
  return typeof value === "string" && value !== "" ? value : undefined;
};

const clusterName = (input: Input) => lastSegment(text(input, "cluster") ?? "default");

function ecsResources(operation: string, input: Input, world: RegionWorld): string[] {
  const scope = world.ecs.scope;
  const service = operation === "CreateService" ? text(input, "serviceName") : text(input, "service");
  switch (operation) {
    case "CreateService":
    case "UpdateService":
    case "DeleteService":
      return [service ? serviceArn(scope, clusterName(input), lastSegment(service)) : "*"];
    case "DescribeServices": {
      const names = Array.isArray(input.services) ? input.services.filter((name): name is string => typeof name === "string") : [];
      return names.length ? names.map((name) => serviceArn(scope, clusterName(input), lastSegment(name))) : ["*"];
    }
    case "ListServices":
    case "ListTasks":
      return [clusterArn(scope, clusterName(input))];
    case "StopServiceDeployment":
      return [text(input, "serviceDeploymentArn") ?? "*"];
    case "TagResource":
    case "UntagResource":
    case "ListTagsForResource":
      return [text(input, "resourceArn") ?? "*"];
    default:
      return ["*"];
  }
}

const hasTags = (input: Input) => Array.isArray(input.tags) && input.tags.length > 0;

/** Tagging on create is authorised separately, against the resource being created. */
function tagOnCreate(operation: string, input: Input, world: RegionWorld, created: string): Permission[] {
  if (!hasTags(input)) return [];
  if (operation === "CreateService") return [{ action: "ecs:TagResource", resource: created }];
  const family = text(input, "family");
  if (operation !== "RegisterTaskDefinition" || !family) return [];
  const registry = world.ecs.taskDefinitions;
  const revisions = ["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"].flatMap((status) => registry.list({ family, status }));
  const next = Math.max(0, ...revisions.map((revision) => revision.revision)) + 1;
  return [{ action: "ecs:TagResource", resource: taskDefinitionArn(world.ecs.scope, family, next) }];
}

/** The roles a call hands to ECS: those of the body it registers, or of the revision it deploys. */
function passedRoles(operation: string, input: Input, world: RegionWorld): Permission[] {
  let body: Input | undefined;
  if (operation === "RegisterTaskDefinition") body = input;
  if (operation === "CreateService" || operation === "UpdateService") {
    const ref = text(input, "taskDefinition");
    body = ref ? world.ecs.taskDefinitions.find(ref)?.body : undefined;
  }
  if (!body) return [];
  const roles = new Set([text(body, "taskRoleArn"), text(body, "executionRoleArn")].filter((role) => role !== undefined));
  return [...roles].map((role) => ({ action: "iam:PassRole", resource: role }));
}

function ecrResource(input: Input, world: RegionWorld): string {
  const name = text(input, "repositoryName");
  const registryId = text(input, "registryId") ?? world.account;
  return name ? `arn:aws:ecr:${world.region}:${registryId}:repository/${name}` : "*";
}

export function requiredPermissions(service: ServiceName, operation: string, input: Input, world: RegionWorld): Permission[] {
  if (service === "ecr") return [{ action: `ecr:${operation}`, resource: ecrResource(input, world) }];
  const own = ecsResources(operation, input, world).map((resource) => ({ action: `ecs:${operation}`, resource }));
  return [...own, ...tagOnCreate(operation, input, world, own[0]?.resource ?? "*"), ...passedRoles(operation, input, world)];
}
