// PutLifecyclePolicy, GetLifecyclePolicy and DeleteLifecyclePolicy (aws-behaviour.md §4.4).
import type { Operation } from "../../core/operation";
import { requiredString } from "../../core/validate";
import { lifecyclePolicyNotFound } from "../errors";
import type { Repository } from "../repositories";
import { repositoryOf } from "./input";

function policyShape(repo: Repository, registryId: string) {
  if (!repo.policy) throw lifecyclePolicyNotFound(repo.name, registryId);
  const { text, lastEvaluatedAt } = repo.policy;
  return {
    registryId,
    repositoryName: repo.name,
    lifecyclePolicyText: text,
    // Emulator choice: omitted until the first evaluation has run.
    lastEvaluatedAt: lastEvaluatedAt === undefined ? undefined : new Date(lastEvaluatedAt),
  };
}

export const putLifecyclePolicy: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  const text = requiredString(input, "lifecyclePolicyText");
  ctx.world.ecr.putLifecyclePolicy(repo.name, text, { now: ctx.now });
  return { registryId, repositoryName: repo.name, lifecyclePolicyText: text };
};

export const getLifecyclePolicy: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  return policyShape(repo, registryId);
};

export const deleteLifecyclePolicy: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  const shape = policyShape(repo, registryId);
  repo.policy = undefined;
  return shape;
};
