// Register/Deregister/DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies (§2.2).
import { AwsError, invalidParameter } from "../../core/aws-error";
import type { OperationTable } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { oneOf, optionalString, optionalStringList, requiredString } from "../../core/validate";
import { renderTaskDefinition } from "../render/task-definition";
import { readTags } from "../tags";
import { ecs, includes, readMaxResults } from "./common";

export const taskDefinitionOperations: OperationTable = {
  RegisterTaskDefinition(input, ctx) {
    const region = ecs(ctx);
    const td = region.taskDefinitions.register(input, readTags(input) ?? [], ctx.now);
    return { taskDefinition: renderTaskDefinition(td, region.account), tags: td.tags.map((t) => ({ ...t })) };
  },

  DeregisterTaskDefinition(input, ctx) {
    const region = ecs(ctx);
    const td = region.taskDefinitions.deregister(requiredString(input, "taskDefinition"), ctx.now);
    return { taskDefinition: renderTaskDefinition(td, region.account) };
  },

  /** Up to 10 revisions; each one that cannot be deleted is a failure naming it, as AWS reports them. */
  DeleteTaskDefinitions(input, ctx) {
    const region = ecs(ctx);
    const refs = optionalStringList(input, "taskDefinitions") ?? [];
    if (refs.length === 0 || refs.length > 10) throw invalidParameter("taskDefinitions must name between 1 and 10 task definitions.");
    const taskDefinitions = [];
    const failures = [];
    for (const ref of refs) {
      try {
        taskDefinitions.push(renderTaskDefinition(region.taskDefinitions.requestDelete(ref, ctx.now), region.account));
      } catch (error) {
        if (!(error instanceof AwsError)) throw error;
        failures.push({ arn: ref, reason: error.message });
      }
    }
    return { taskDefinitions, failures };
  },

  DescribeTaskDefinition(input, ctx) {
    const region = ecs(ctx);
    const td = region.taskDefinitions.describe(requiredString(input, "taskDefinition"));
    const withTags = includes(input, ["TAGS"], "TAGS");
    return { taskDefinition: renderTaskDefinition(td, region.account), tags: withTags ? td.tags.map((t) => ({ ...t })) : undefined };
  },

  ListTaskDefinitions(input, ctx) {
    // `familyPrefix` is the full family name: an exact match despite its name.
    const family = optionalString(input, "familyPrefix");
    const status = oneOf(optionalString(input, "status"), "status", ["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"]) ?? "ACTIVE";
    const sort = oneOf(optionalString(input, "sort"), "sort", ["ASC", "DESC"]) ?? "ASC";
    const sorted = ecs(ctx).taskDefinitions.list({ family, status }).map((td) => td.arn);
    if (sort === "DESC") sorted.reverse();
    const page = paginate(sorted, {
      nextToken: optionalString(input, "nextToken"),
      maxResults: readMaxResults(input),
      defaultPageSize: 100,
      queryKey: `taskdefs/${family ?? ""}/${status}/${sort}`,
    });
    return { taskDefinitionArns: page.items, nextToken: page.nextToken };
  },

  ListTaskDefinitionFamilies(input, ctx) {
    const prefix = optionalString(input, "familyPrefix");
    const status = oneOf(optionalString(input, "status"), "status", ["ACTIVE", "INACTIVE", "ALL"]) ?? "ALL";
    const page = paginate(ecs(ctx).taskDefinitions.listFamilies({ prefix, status }), {
      nextToken: optionalString(input, "nextToken"),
      maxResults: readMaxResults(input),
      defaultPageSize: 100,
      queryKey: `families/${prefix ?? ""}/${status}`,
    });
    return { families: page.items, nextToken: page.nextToken };
  },
};
