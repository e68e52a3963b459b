// A parsed lifecycle policy and the per-repository lifecycle state (aws-behaviour.md §4.4).
export type RuleTagStatus = "tagged" | "untagged" | "any";
export type CountType = "imageCountMoreThan" | "sinceImagePushed";

export interface LifecycleRule {
  rulePriority: number;
  description?: string;
  selection: {
    tagStatus: RuleTagStatus;
    tagPrefixList?: string[];
    tagPatternList?: string[];
    countType: CountType;
    countUnit?: "days";
    countNumber: number;
  };
  action: { type: "expire" };
}

export interface PolicyState {
  text: string;
  /** Sorted by rulePriority, lowest (applied first) first. */
  rules: LifecycleRule[];
  /** When the policy was first put; the first evaluation is due a day later. */
  putAt: number;
  lastEvaluatedAt?: number;
}

export interface ExpiryDecision {
  digest: string;
  tags: string[];
  pushedAt: number;
  appliedRulePriority: number;
}

export interface PreviewState {
  text: string;
  rules: LifecycleRule[];
  startedAt: number;
  completesAt: number;
  /** Set when the preview completes, evaluated at `completesAt`. */
  results?: ExpiryDecision[];
}
