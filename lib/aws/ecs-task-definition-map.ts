// SDK TaskDefinition → the whole domain TaskDefinition (lib/domain/task-definition.ts), and back to a
// RegisterTaskDefinition input. Deep members (volumes, linuxParameters, …) are carried as AWS sent them,
// so a clone registers exactly what was read.
import type { RegisterTaskDefinitionCommandInput, Tag as SdkTag, TaskDefinition as SdkTaskDefinition } from "@aws-sdk/client-ecs";
import { SPEC_KEYS, type ContainerSpec, type Tag, type TaskDefinition, type TaskDefinitionSpec } from "@/lib/domain/task-definition";

function specOf(td: SdkTaskDefinition): TaskDefinitionSpec {
  const spec: Record<string, unknown> = {};
  for (const key of SPEC_KEYS) {
    const value = td[key];
    if (value !== undefined && value !== null) spec[key] = value;
  }
  spec.family = td.family ?? "";
  spec.containerDefinitions = (td.containerDefinitions ?? []).map((c): ContainerSpec => ({ ...c, name: c.name ?? "", image: c.image ?? "" }));
  return spec as unknown as TaskDefinitionSpec;
}

export function mapTags(tags: readonly SdkTag[] | undefined): Tag[] {
  return (tags ?? []).flatMap((t) => (t.key === undefined ? [] : [{ key: t.key, value: t.value ?? "" }]));
}

export function mapFullTaskDefinition(td: SdkTaskDefinition, tags?: readonly SdkTag[]): TaskDefinition {
  const full: TaskDefinition = {
    arn: td.taskDefinitionArn ?? "",
    family: td.family ?? "",
    revision: td.revision ?? 0,
    status: td.status ?? "",
    spec: specOf(td),
    tags: mapTags(tags),
    requiresAttributes: td.requiresAttributes ?? [],
    compatibilities: td.compatibilities ?? [],
  };
  if (td.registeredAt) full.registeredAt = td.registeredAt;
  if (td.registeredBy) full.registeredBy = td.registeredBy;
  if (td.deregisteredAt) full.deregisteredAt = td.deregisteredAt;
  if (td.deleteRequestedAt) full.deleteRequestedAt = td.deleteRequestedAt;
  return full;
}

/** The request that registers `spec` with `tags`. The domain spec mirrors the SDK's request members one to one. */
export function registerInput(spec: TaskDefinitionSpec, tags: readonly Tag[]): RegisterTaskDefinitionCommandInput {
  const input = { ...spec } as unknown as RegisterTaskDefinitionCommandInput;
  if (tags.length > 0) input.tags = tags.map((t) => ({ key: t.key, value: t.value }));
  return input;
}
