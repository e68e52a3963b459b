// The diff shown before a rollback or deploy: every container (sidecars included, listed as unchanged
// when they are) and every task-level field that differs between the running and the target revision.
import { diffContainer, fieldChanges, type ContainerDiff, type DiffOptions, type FieldChange } from "./container-diff";
import type { TaskDefinitionSpec } from "./task-definition";

export type { ContainerDiff, DiffOptions, FieldChange, ImageSide, NamedChange } from "./container-diff";

export interface TaskDefinitionDiff {
  /** Target order first, then containers only the running revision has. */
  containers: ContainerDiff[];
  /** Task-level members (cpu, memory, roles, network mode, volumes, …). */
  fields: FieldChange[];
  changed: boolean;
}

const CONTAINER_LEVEL = new Set(["family", "containerDefinitions"]);

export function diffTaskDefinitions(running: TaskDefinitionSpec, target: TaskDefinitionSpec, opts: DiffOptions): TaskDefinitionDiff {
  const before = new Map(running.containerDefinitions.map((c) => [c.name, c]));
  const after = new Map(target.containerDefinitions.map((c) => [c.name, c]));
  const names = [...after.keys(), ...[...before.keys()].filter((name) => !after.has(name))];
  const containers = names.map((name) => diffContainer(name, before.get(name), after.get(name), opts));
  const fields = fieldChanges({ ...running }, { ...target }, CONTAINER_LEVEL);
  return { containers, fields, changed: fields.length > 0 || containers.some((c) => c.status !== "unchanged") };
}
