// Task definitions for the write side: read fresh (never from the shared read cache, since a preflight
// must see what AWS says now), with tags, and registered. Nothing here ever deregisters.
import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import type { Tag, TaskDefinition, TaskDefinitionSpec } from "@/lib/domain/task-definition";
import { mapFullTaskDefinition, registerInput } from "./ecs-task-definition-map";
import { readFamilyRevisions } from "./ecs-task-definitions";
import { typedAwsCall } from "./errors";
import type { EnvScope } from "./runtime";

/** The whole revision with its tags; `ref` is an ARN, `family:N` or a family (its latest ACTIVE revision). */
export async function describeFullTaskDefinition(scope: EnvScope, ref: string): Promise<TaskDefinition> {
  const out = await typedAwsCall("ecs", "DescribeTaskDefinition", scope.env.region, () =>
    scope.clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ["TAGS"] })),
  );
  if (!out.taskDefinition) throw new Error(`DescribeTaskDefinition returned no task definition for ${ref}`);
  return mapFullTaskDefinition(out.taskDefinition, out.tags);
}

/**
 * The newest `limit` ACTIVE revisions of `family`, whole: the planner reuses one of them instead of
 * registering an identical clone. Older ones are not read (a family can hold thousands).
 */
export async function describeActiveRevisions(scope: EnvScope, family: string, limit: number): Promise<TaskDefinition[]> {
  const listed = await readFamilyRevisions(scope, family);
  const active = listed.filter((r) => r.status === "ACTIVE").slice(0, limit);
  return Promise.all(active.map((r) => describeFullTaskDefinition(scope, r.arn)));
}

/** Registers `spec` as the family's next revision, tagged with `tags` in the same call. */
export async function registerTaskDefinition(scope: EnvScope, spec: TaskDefinitionSpec, tags: readonly Tag[]): Promise<TaskDefinition> {
  // Typed: a refused iam:PassRole or ecs:TagResource names the action and the role or revision.
  const out = await typedAwsCall("ecs", "RegisterTaskDefinition", scope.env.region, () =>
    scope.clients.ecs.send(new RegisterTaskDefinitionCommand(registerInput(spec, tags))),
  );
  if (!out.taskDefinition) throw new Error(`RegisterTaskDefinition returned no task definition for ${spec.family}`);
  return mapFullTaskDefinition(out.taskDefinition, out.tags);
}
