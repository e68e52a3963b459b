// One ECR repository: its settings, images and lifecycle state, and its wire shape (§4.1).
import { constraintViolation } from "./errors";
import { ImageStore } from "./images";
import type { PolicyState, PreviewState } from "./lifecycle/policy";
import { wildcardMatches } from "./lifecycle/match";

export const TAG_MUTABILITIES = ["MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"] as const;
export type TagMutability = (typeof TAG_MUTABILITIES)[number];
export type ScanType = "BASIC" | "ENHANCED";

const NAME_PATTERN = "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(\\/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*";
const NAME_REGEX = new RegExp(`^(?:${NAME_PATTERN})$`);

/** Repository names as the ECR model constrains them: 2–256 characters matching its pattern. */
export function validateRepositoryName(name: string): void {
  if (name.length < 2 || name.length > 256) {
    throw constraintViolation(
      "repositoryName",
      "Member must have length less than or equal to 256, Member must have length greater than or equal to 2",
    );
  }
  if (!NAME_REGEX.test(name)) throw constraintViolation("repositoryName", `must satisfy regular expression '${NAME_PATTERN}'`);
}

export interface RepositorySettings {
  name: string;
  createdAt: number;
  imageTagMutability?: TagMutability;
  /** Wildcard filters of the *_WITH_EXCLUSION mutabilities. */
  mutabilityExclusions?: string[];
  scanOnPush?: boolean;
  encryptionType?: string;
  kmsKey?: string;
}

export class Repository {
  readonly name: string;
  readonly createdAt: number;
  readonly imageTagMutability: TagMutability;
  readonly mutabilityExclusions: string[];
  readonly scanOnPush: boolean;
  readonly encryption: { encryptionType: string; kmsKey?: string };
  readonly images = new ImageStore();
  scanType: ScanType = "BASIC";
  policy?: PolicyState;
  preview?: PreviewState;

  constructor(settings: RepositorySettings) {
    this.name = settings.name;
    this.createdAt = settings.createdAt;
    this.imageTagMutability = settings.imageTagMutability ?? "MUTABLE";
    this.mutabilityExclusions = settings.mutabilityExclusions ?? [];
    this.scanOnPush = settings.scanOnPush ?? false;
    this.encryption = { encryptionType: settings.encryptionType ?? "AES256", kmsKey: settings.kmsKey };
  }

  /** Whether pushing `tag` onto another image must fail with ImageTagAlreadyExistsException. */
  isTagImmutable(tag: string): boolean {
    const excluded = this.mutabilityExclusions.some((filter) => wildcardMatches(filter, tag));
    switch (this.imageTagMutability) {
      case "MUTABLE":
        return false;
      case "IMMUTABLE":
        return true;
      case "IMMUTABLE_WITH_EXCLUSION":
        return !excluded;
      case "MUTABLE_WITH_EXCLUSION":
        return excluded;
    }
  }

  toShape(account: string, region: string): Record<string, unknown> {
    return {
      repositoryArn: `arn:aws:ecr:${region}:${account}:repository/${this.name}`,
      registryId: account,
      repositoryName: this.name,
      repositoryUri: `${account}.dkr.ecr.${region}.amazonaws.com/${this.name}`,
      createdAt: new Date(this.createdAt),
      imageTagMutability: this.imageTagMutability,
      imageTagMutabilityExclusionFilters: this.mutabilityExclusions.length
        ? this.mutabilityExclusions.map((filter) => ({ filterType: "WILDCARD", filter }))
        : undefined,
      imageScanningConfiguration: { scanOnPush: this.scanOnPush },
      encryptionConfiguration: this.encryption,
    };
  }
}
