// CreateRepository and DescribeRepositories (aws-behaviour.md §4.1).
import { invalidParameter } from "../../core/aws-error";
import type { Operation } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { oneOf, optionalBoolean, optionalObject, optionalObjectList, optionalString, optionalStringList, requiredString } from "../../core/validate";
import { TAG_MUTABILITIES } from "../repositories";
import { maxResultsOf, refusePagingWith, registryIdOf } from "./input";

const ENCRYPTION_TYPES = ["AES256", "KMS", "KMS_DSSE"] as const;

export const createRepository: Operation = (input, ctx) => {
  const registryId = registryIdOf(input, ctx);
  const name = requiredString(input, "repositoryName");
  const mutability = oneOf(optionalString(input, "imageTagMutability"), "imageTagMutability", TAG_MUTABILITIES);
  const exclusions = (optionalObjectList(input, "imageTagMutabilityExclusionFilters") ?? []).map((f) => requiredString(f, "filter"));
  const needsExclusions = mutability?.endsWith("_WITH_EXCLUSION") ?? false;
  if (needsExclusions !== exclusions.length > 0) {
    throw invalidParameter("imageTagMutabilityExclusionFilters must be specified exactly when imageTagMutability is a *_WITH_EXCLUSION setting.");
  }
  const scanning = optionalObject(input, "imageScanningConfiguration");
  const encryption = optionalObject(input, "encryptionConfiguration");
  if (registryId !== ctx.account) throw invalidParameter(`Repositories can only be created in the caller's registry '${ctx.account}'.`);
  const repo = ctx.world.ecr.createRepository({
    name,
    createdAt: ctx.now,
    imageTagMutability: mutability,
    mutabilityExclusions: exclusions,
    scanOnPush: scanning ? optionalBoolean(scanning, "scanOnPush") : undefined,
    encryptionType: encryption ? oneOf(requiredString(encryption, "encryptionType"), "encryptionType", ENCRYPTION_TYPES) : undefined,
    kmsKey: encryption ? optionalString(encryption, "kmsKey") : undefined,
  });
  return { repository: repo.toShape(ctx.account, ctx.region) };
};

export const describeRepositories: Operation = (input, ctx) => {
  const registryId = registryIdOf(input, ctx);
  refusePagingWith(input, "repositoryNames");
  const names = optionalStringList(input, "repositoryNames");
  if (names) {
    if (names.length < 1 || names.length > 100) throw invalidParameter("repositoryNames must contain between 1 and 100 names.");
    // Any unknown name fails the whole call.
    const repos = names.map((name) => ctx.world.ecr.repository(name, registryId));
    return { repositories: repos.map((repo) => repo.toShape(ctx.account, ctx.region)) };
  }
  if (registryId !== ctx.account) return { repositories: [] };
  const page = paginate(ctx.world.ecr.listRepositories(), {
    nextToken: optionalString(input, "nextToken"),
    maxResults: maxResultsOf(input, 1000),
    defaultPageSize: 100,
    queryKey: `DescribeRepositories|${registryId}`,
  });
  return { repositories: page.items.map((repo) => repo.toShape(ctx.account, ctx.region)), nextToken: page.nextToken };
};
