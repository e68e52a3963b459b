// A whole task-definition revision: the spec RegisterTaskDefinition accepts plus the read-only facts ECS
// adds (aws-behaviour.md §2.2). A clone must lose nothing, so the spec keeps AWS's structure as plain
// JSON data: the members the planner reads are typed, everything deeper is carried verbatim (`unknown`).
import type { TaskDefinitionRevision } from "./types";

export interface Tag {
  key: string;
  value: string;
}

export interface KeyValuePair {
  name?: string;
  value?: string;
}

export interface SecretRef {
  name?: string;
  valueFrom?: string;
}

/** A container definition as AWS has it; members not named here (ulimits, linuxParameters, …) are kept as they came. */
export interface ContainerSpec {
  name: string;
  image: string;
  essential?: boolean;
  environment?: KeyValuePair[];
  secrets?: SecretRef[];
  [member: string]: unknown;
}

/** What RegisterTaskDefinition accepts, tags aside (they travel separately, as on the wire). */
export interface TaskDefinitionSpec {
  family: string;
  containerDefinitions: ContainerSpec[];
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode?: string;
  volumes?: unknown[];
  placementConstraints?: unknown[];
  requiresCompatibilities?: string[];
  cpu?: string;
  memory?: string;
  pidMode?: string;
  ipcMode?: string;
  proxyConfiguration?: unknown;
  inferenceAccelerators?: unknown[];
  ephemeralStorage?: unknown;
  runtimePlatform?: unknown;
  enableFaultInjection?: boolean;
}

/** Every RegisterTaskDefinitionRequest member but `tags`: the keys a clone copies. */
export const SPEC_KEYS = [
  "family", "containerDefinitions", "taskRoleArn", "executionRoleArn", "networkMode", "volumes", "placementConstraints",
  "requiresCompatibilities", "cpu", "memory", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators",
  "ephemeralStorage", "runtimePlatform", "enableFaultInjection",
] as const satisfies readonly (keyof TaskDefinitionSpec)[];

export type TaskDefinitionStatus = "ACTIVE" | "INACTIVE" | "DELETE_IN_PROGRESS";

/** A registered revision: its spec, its tags and what ECS says about it (never sent back on a clone). */
export interface TaskDefinition {
  arn: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus | string;
  spec: TaskDefinitionSpec;
  /** Only filled when read with `include: ["TAGS"]` or returned by RegisterTaskDefinition. */
  tags: Tag[];
  requiresAttributes: unknown[];
  compatibilities: string[];
  registeredAt?: Date;
  registeredBy?: string;
  deregisteredAt?: Date;
  deleteRequestedAt?: Date;
}

/** The subset the read side shows (overview, service page, revision history). */
export function summariseTaskDefinition(td: TaskDefinition): TaskDefinitionRevision {
  const summary: TaskDefinitionRevision = {
    arn: td.arn,
    family: td.family,
    revision: td.revision,
    status: td.status,
    containers: td.spec.containerDefinitions.map((c) => (c.essential === undefined ? { name: c.name, image: c.image } : { name: c.name, image: c.image, essential: c.essential })),
  };
  if (td.registeredAt) summary.registeredAt = td.registeredAt;
  if (td.registeredBy) summary.registeredBy = td.registeredBy;
  if (td.deregisteredAt) summary.deregisteredAt = td.deregisteredAt;
  if (td.spec.cpu) summary.cpu = td.spec.cpu;
  if (td.spec.memory) summary.memory = td.spec.memory;
  if (td.tags.length > 0) summary.tags = td.tags;
  return summary;
}

/** `family:N`, the way people and the API name a revision. */
export function revisionLabel(td: Pick<TaskDefinition, "family" | "revision">): string {
  return `${td.family}:${td.revision}`;
}
