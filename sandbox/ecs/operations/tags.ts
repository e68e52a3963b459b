// TagResource, UntagResource and ListTagsForResource for clusters, services, task definitions and tasks.
import { invalidParameter } from "../../core/aws-error";
import type { OperationTable } from "../../core/operation";
import { optionalStringList, requiredString } from "../../core/validate";
import { parseEcsArn } from "../arns";
import { clusterNotFound, resourceNotFound } from "../errors";
import type { EcsRegion } from "../state";
import { mergeTags, readTags, removeTags } from "../tags";
import type { Tag } from "../types";
import { ecs } from "./common";

/** The tagged record behind an ARN (anything with a mutable `tags` list). */
function taggable(region: EcsRegion, arn: string): { tags: Tag[] } {
  const parsed = parseEcsArn(arn);
  if (!parsed || parsed.account !== region.account || parsed.region !== region.region) {
    throw invalidParameter("Invalid identifier: the resource ARN is not a valid ECS ARN for this account and region.");
  }
  if (parsed.type === "task-definition") {
    const td = parsed.rest.includes(":") ? region.taskDefinitions.find(arn) : undefined;
    if (!td) throw resourceNotFound();
    return td;
  }
  const [clusterName = "", name = ""] = parsed.rest.split("/");
  const cluster = region.clusters.get(clusterName);
  if (!cluster) throw clusterNotFound();
  const found = parsed.type === "cluster" ? cluster : parsed.type === "service" ? cluster.services.get(name) : parsed.type === "task" ? cluster.tasks.get(name) : undefined;
  if (!found) throw resourceNotFound();
  return found;
}

export const tagOperations: OperationTable = {
  TagResource(input, ctx) {
    const target = taggable(ecs(ctx), requiredString(input, "resourceArn"));
    target.tags = mergeTags(target.tags, readTags(input) ?? []);
    return {};
  },

  UntagResource(input, ctx) {
    const target = taggable(ecs(ctx), requiredString(input, "resourceArn"));
    target.tags = removeTags(target.tags, optionalStringList(input, "tagKeys") ?? []);
    return {};
  },

  ListTagsForResource(input, ctx) {
    const target = taggable(ecs(ctx), requiredString(input, "resourceArn"));
    return { tags: target.tags.map((t) => ({ ...t })) };
  },
};
