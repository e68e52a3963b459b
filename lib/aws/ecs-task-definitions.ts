// Task-definition revisions. A revision by ARN never changes apart from its status, so its body is cached
// forever; the status is read from the family listing (few-seconds cache) or through
// describeTaskDefinitionWithStatus (re-checked about once a minute).
import { DescribeTaskDefinitionCommand, paginateListTaskDefinitions } from "@aws-sdk/client-ecs";
import { taskDefinitionRef } from "@/lib/domain/arn";
import { summariseTaskDefinition } from "@/lib/domain/task-definition";
import type { TaskDefinitionRevision } from "@/lib/domain/types";
import { mapFullTaskDefinition } from "./ecs-task-definition-map";
import { cacheKey, type EnvScope } from "./runtime";

async function readTaskDefinition(scope: EnvScope, arn: string): Promise<TaskDefinitionRevision> {
  // With its tags in the same call: the timeline names the CI run that registered a revision from them.
  const out = await scope.clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ["TAGS"] }));
  if (!out.taskDefinition) throw new Error(`DescribeTaskDefinition returned no task definition for ${arn}`);
  return summariseTaskDefinition(mapFullTaskDefinition(out.taskDefinition, out.tags));
}

export function describeTaskDefinition(scope: EnvScope, arn: string): Promise<TaskDefinitionRevision> {
  return scope.rt.immutable.get(`taskdef|${arn}`, () => readTaskDefinition(scope, arn));
}

/**
 * A revision with its status as of the last minute or so (the runtime's `statuses` cache): the body
 * never changes but the status does (deregistration makes it INACTIVE). One DescribeTaskDefinition
 * answers both, so the body is kept forever as well and a cold read costs the same single call as
 * describeTaskDefinition.
 */
export function describeTaskDefinitionWithStatus(scope: EnvScope, arn: string): Promise<TaskDefinitionRevision> {
  return scope.rt.statuses.get(
    cacheKey(scope, "ecs", "taskdef-status", arn),
    async () => {
      const revision = await readTaskDefinition(scope, arn);
      scope.rt.immutable.set(`taskdef|${arn}`, revision);
      return revision;
    },
    // Not recorded in the view's freshness: a minute-old status would make the whole overview read
    // "as of a minute ago" while its services, tasks and counts are seconds old.
  );
}

export interface FamilyRevision {
  arn: string;
  status: "ACTIVE" | "INACTIVE";
}

async function listByStatus(scope: EnvScope, family: string, status: FamilyRevision["status"]): Promise<FamilyRevision[]> {
  const out: FamilyRevision[] = [];
  const input = { familyPrefix: family, status, sort: "DESC" } as const;
  for await (const page of paginateListTaskDefinitions({ client: scope.clients.ecs, pageSize: 100 }, input)) {
    out.push(...(page.taskDefinitionArns ?? []).map((arn) => ({ arn, status })));
  }
  return out;
}

/** Every ACTIVE and INACTIVE revision of `family` (familyPrefix is an exact family match), newest first, read now. */
export async function readFamilyRevisions(scope: EnvScope, family: string): Promise<FamilyRevision[]> {
  const [active, inactive] = await Promise.all([listByStatus(scope, family, "ACTIVE"), listByStatus(scope, family, "INACTIVE")]);
  return [...active, ...inactive].sort((a, b) => taskDefinitionRef(b.arn).revision - taskDefinitionRef(a.arn).revision);
}

/** readFamilyRevisions through the shared read cache (pages; never preflight). */
export function listFamilyRevisions(scope: EnvScope, family: string): Promise<FamilyRevision[]> {
  return scope.rt.mutable.get(cacheKey(scope, "ecs", "family", family), () => readFamilyRevisions(scope, family), scope.fresh);
}
