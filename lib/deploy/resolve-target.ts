// Turns a checked target (lib/domain/deploy-target) into what the planner needs, reading AWS now: the
// revision's whole task definition, an image's digest (so a clone is pinned by digest, never by a tag
// that can move), or the suggested last good version from ECS's completed service deployments.
import { describeFullTaskDefinition, describeImageFresh, listServiceDeployments, type EnvScope } from "@/lib/aws";
import type { ResolvedTarget } from "@/lib/domain/deploy-plan";
import { repositoryUri, type Target } from "@/lib/domain/deploy-target";
import { findCommit, type TagPatterns } from "@/lib/domain/prod-tag";
import { runsSameImages, suggestTarget, type Suggestion } from "@/lib/domain/suggested-target";
import type { TaskDefinition } from "@/lib/domain/task-definition";
import { AwsRejectedError, BadRequestError } from "@/lib/errors";
import type { ServiceRef } from "./operation-input";

export interface Resolved {
  target: ResolvedTarget;
  /** Set when the target was "the suggested version": why that one. */
  suggestion?: Extract<Suggestion, { found: true }>;
}

async function revisionByRef(scope: EnvScope, ref: string): Promise<TaskDefinition> {
  try {
    return await describeFullTaskDefinition(scope, ref);
  } catch (error) {
    // ECS answers an unknown revision with ClientException "Unable to describe task definition".
    if (error instanceof AwsRejectedError && error.awsCode === "ClientException") throw new BadRequestError(`revision ${ref} does not exist`);
    throw error;
  }
}

/**
 * Starts reading a revision target (`family:N` or its ARN) before the service's own revision is known,
 * so the two reads share one round trip; resolveTarget checks the family afterwards.
 */
export function prefetchRevision(scope: EnvScope, raw: unknown): Promise<TaskDefinition> | undefined {
  const revision = typeof raw === "object" && raw !== null && "revision" in raw ? (raw as { revision: unknown }).revision : undefined;
  if (typeof revision !== "string" || !/^[\w:/.-]{1,700}$/.test(revision)) return undefined;
  const pending = revisionByRef(scope, revision);
  pending.catch(() => undefined); // awaited (and its error reported) only if the target really is this revision
  return pending;
}

export interface ResolveInput {
  scope: EnvScope;
  /** From prefetchRevision, when the raw target named a revision. */
  prefetched?: Promise<TaskDefinition>;
  ref: ServiceRef;
  target: Target;
  current: TaskDefinition;
  tagPattern: TagPatterns;
  /** Task definitions our own earlier rollbacks moved away from (ECS records those rollbacks as SUCCESSFUL). */
  rolledBackFrom: readonly string[];
}

export async function resolveTarget(input: ResolveInput): Promise<Resolved> {
  const { scope, target } = input;
  if (target.kind === "revision") {
    const label = `${target.family}:${target.revision}`;
    const prefetched = input.prefetched ? await input.prefetched.catch(() => undefined) : undefined;
    const td = prefetched && prefetched.family === target.family && prefetched.revision === target.revision ? prefetched : await revisionByRef(scope, label);
    return { target: { kind: "revision", taskDefinition: td } };
  }
  if (target.kind === "image") {
    const id = target.digest ? { digest: target.digest } : { tag: target.tag ?? "" };
    const image = await describeImageFresh(scope, target.repository, id);
    const what = target.digest ? `digest ${target.digest}` : `tag ${target.tag}`;
    if (!image) throw new BadRequestError(`repository ${target.repository} has no image with ${what}`);
    const commit = findCommit(image.tags, input.tagPattern);
    const tag = target.tag ?? commit?.tag;
    return {
      target: {
        kind: "image",
        container: target.container,
        repositoryUri: repositoryUri(target),
        digest: image.digest,
        ...(tag && { tag }),
        ...(commit && { sha: commit.sha }),
      },
    };
  }
  return suggestedTarget(input);
}

// Each candidate's task definition is read anyway (the plan needs the chosen one, and revisions are
// cached forever); one that runs the current images is set aside and the next one asked for.
const MAX_SAME_IMAGE_SKIPS = 10;

async function suggestedTarget(input: ResolveInput): Promise<Resolved> {
  const deployments = await listServiceDeployments(input.scope, input.ref.cluster, input.ref.service);
  const sameImagesAsCurrent: string[] = [];
  for (;;) {
    const suggestion = suggestTarget({ deployments, currentTaskDefinitionArn: input.current.arn, rolledBackFrom: input.rolledBackFrom, sameImagesAsCurrent });
    if (!suggestion.found) throw new BadRequestError(`No suggested version: ${suggestion.reason}`);
    const taskDefinition = await revisionByRef(input.scope, suggestion.taskDefinitionArn);
    const same = runsSameImages(taskDefinition.spec.containerDefinitions, input.current.spec.containerDefinitions);
    if (!same) return { target: { kind: "revision", taskDefinition }, suggestion };
    sameImagesAsCurrent.push(taskDefinition.arn);
    if (sameImagesAsCurrent.length >= MAX_SAME_IMAGE_SKIPS) {
      throw new BadRequestError(`No suggested version: the last ${MAX_SAME_IMAGE_SKIPS} good revisions all run the images running now; pick a revision or image.`);
    }
  }
}
