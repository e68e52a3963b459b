// Turns a RegisterTaskDefinition request into the stored body, with the defaults AWS echoes back
// (containerDefinitions' cpu 0, essential true, empty lists; task-level volumes and placementConstraints)
// and the derived requiresAttributes / compatibilities. Unknown keys are dropped, as SDK v3 would.
import { clientException } from "../core/aws-error";
import type { Input } from "../core/operation";

/** RegisterTaskDefinitionRequest members kept on the task definition (everything but `tags`). */
const TASK_KEYS = [
  "family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions", "volumes", "placementConstraints",
  "requiresCompatibilities", "cpu", "memory", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators",
  "ephemeralStorage", "runtimePlatform", "enableFaultInjection",
] as const;

const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\//;

export function checkFamily(family: string): void {
  if (!FAMILY.test(family)) {
    throw clientException("Family name can contain up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.");
  }
}

function containerWithDefaults(raw: Input, awsvpc: boolean): Input {
  if (typeof raw.name !== "string" || raw.name === "") throw clientException("Container.name should not be null or empty.");
  if (typeof raw.image !== "string" || raw.image === "") throw clientException("Container.image should not be null or empty.");
  const portMappings = Array.isArray(raw.portMappings) ? (raw.portMappings as Input[]) : [];
  return {
    ...raw,
    cpu: typeof raw.cpu === "number" ? raw.cpu : 0,
    portMappings: portMappings.map((pm) => ({
      ...pm,
      ...(awsvpc && pm.hostPort === undefined && pm.containerPort !== undefined ? { hostPort: pm.containerPort } : {}),
      protocol: pm.protocol ?? "tcp",
    })),
    essential: typeof raw.essential === "boolean" ? raw.essential : true,
    environment: raw.environment ?? [],
    mountPoints: raw.mountPoints ?? [],
    volumesFrom: raw.volumesFrom ?? [],
    systemControls: raw.systemControls ?? [],
  };
}

function requiresAttributes(body: Input, containers: Input[]): { name: string }[] {
  const names = new Set<string>();
  const usesEcr = containers.some((c) => ECR_IMAGE.test(String(c.image)));
  if (usesEcr) names.add("com.amazonaws.ecs.capability.ecr-auth");
  if (usesEcr && body.executionRoleArn) names.add("ecs.capability.execution-role-ecr-pull");
  if (body.executionRoleArn) names.add("ecs.capability.execution-role-awslogs");
  if (body.taskRoleArn) names.add("com.amazonaws.ecs.capability.task-iam-role");
  if (body.networkMode === "awsvpc") {
    names.add("com.amazonaws.ecs.capability.docker-remote-api.1.18");
    names.add("ecs.capability.task-eni");
  }
  if (containers.some((c) => c.healthCheck)) names.add("ecs.capability.container-health-check");
  if (containers.some((c) => (c.logConfiguration as Input | undefined)?.logDriver === "awslogs")) {
    names.add("com.amazonaws.ecs.capability.logging-driver.awslogs");
    names.add("com.amazonaws.ecs.capability.docker-remote-api.1.19");
  }
  return [...names].map((name) => ({ name }));
}

/** The stored task-definition body (without arn, revision, status and timestamps). */
export function buildTaskDefinitionBody(input: Input): Input {
  const raw = input.containerDefinitions;
  if (!Array.isArray(raw) || raw.length === 0) throw clientException("Container list cannot be empty.");
  if (raw.some((c) => typeof c !== "object" || c === null || Array.isArray(c))) {
    throw clientException("containerDefinitions must be a list of objects.");
  }
  const awsvpc = input.networkMode === "awsvpc";
  const containers = (raw as Input[]).map((c) => containerWithDefaults(c, awsvpc));
  const names = new Set(containers.map((c) => c.name));
  if (names.size !== containers.length) throw clientException("Container names must be unique.");

  const body: Input = {};
  for (const key of TASK_KEYS) {
    if (input[key] !== undefined && input[key] !== null && input[key] !== "") body[key] = input[key];
  }
  body.containerDefinitions = containers;
  body.volumes = input.volumes ?? [];
  body.placementConstraints = input.placementConstraints ?? [];
  body.requiresAttributes = requiresAttributes(body, containers);
  // Emulator choice: awsvpc revisions report EC2 and FARGATE compatibility, others EXTERNAL and EC2, as AWS echoes them.
  body.compatibilities = awsvpc ? ["EC2", "FARGATE"] : ["EXTERNAL", "EC2"];
  return body;
}
