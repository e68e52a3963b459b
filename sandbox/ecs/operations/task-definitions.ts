// Register/Deregister/DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies (§2.2).
import type { OperationTable } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { oneOf, optionalString, requiredString } from "../../core/validate";
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
