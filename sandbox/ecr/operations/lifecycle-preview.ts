// StartLifecyclePolicyPreview and GetLifecyclePolicyPreview (aws-behaviour.md §4.4). The preview runs on
// the sandbox clock (lifecycle/schedule.ts) and lists only the images the policy would expire.
import type { Operation } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { oneOf, optionalObject, optionalString } from "../../core/validate";
import { lifecyclePolicyNotFound, lifecyclePreviewInProgress, lifecyclePreviewNotFound } from "../errors";
import type { TagStatus } from "../images";
import type { ExpiryDecision } from "../lifecycle/policy";
import { startPreview } from "../lifecycle/schedule";
import { parseLifecyclePolicy } from "../lifecycle/validate";
import { imageIdListOf, maxResultsOf, refusePagingWith, repositoryOf } from "./input";

export const startLifecyclePolicyPreview: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  if (repo.preview && !repo.preview.results) throw lifecyclePreviewInProgress(repo.name, registryId);
  const text = optionalString(input, "lifecyclePolicyText") ?? repo.policy?.text;
  if (text === undefined) throw lifecyclePolicyNotFound(repo.name, registryId);
  startPreview(repo, text, parseLifecyclePolicy(text), ctx.now);
  ctx.world.ecr.reschedule(repo);
  return { registryId, repositoryName: repo.name, lifecyclePolicyText: text, status: "IN_PROGRESS" };
};

const TAG_STATUSES: readonly TagStatus[] = ["TAGGED", "UNTAGGED", "ANY"];

function resultShape(result: ExpiryDecision) {
  return {
    imageDigest: result.digest,
    imageTags: result.tags.length ? result.tags : undefined,
    imagePushedAt: new Date(result.pushedAt),
    action: { type: "EXPIRE" },
    appliedRulePriority: result.appliedRulePriority,
    storageClass: "STANDARD",
  };
}

export const getLifecyclePolicyPreview: Operation = (input, ctx) => {
  const { repo, registryId } = repositoryOf(input, ctx);
  refusePagingWith(input, "imageIds");
  const ids = imageIdListOf(input, "imageIds", false);
  const tagStatus = oneOf(optionalString(optionalObject(input, "filter") ?? {}, "tagStatus"), "filter.tagStatus", TAG_STATUSES) ?? "ANY";
  const maxResults = maxResultsOf(input, 100);
  const preview = repo.preview;
  if (!preview) throw lifecyclePreviewNotFound(repo.name, registryId);
  const head = { registryId, repositoryName: repo.name, lifecyclePolicyText: preview.text };
  if (!preview.results) return { ...head, status: "IN_PROGRESS", previewResults: [] };
  const selected = preview.results.filter(
    (result) =>
      (tagStatus === "ANY" || result.tags.length > 0 === (tagStatus === "TAGGED")) &&
      (!ids || ids.some((id) => id.imageDigest === result.digest || (id.imageTag !== undefined && result.tags.includes(id.imageTag)))),
  );
  const page = paginate(selected, {
    nextToken: optionalString(input, "nextToken"),
    maxResults,
    defaultPageSize: 100,
    queryKey: `GetLifecyclePolicyPreview|${registryId}|${repo.name}|${preview.startedAt}|${tagStatus}`,
  });
  return {
    ...head,
    status: "COMPLETE",
    previewResults: page.items.map(resultShape),
    nextToken: page.nextToken,
    summary: { expiringImageTotalCount: preview.results.length },
  };
};
