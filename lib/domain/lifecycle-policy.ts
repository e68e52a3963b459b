// ECR lifecycle policy text → a validated LifecyclePolicy, following the rule grammar of
// aws-behaviour.md §4.4. Expire rules only: a policy using newer features (archive transitions,
// sinceImagePulled, storage classes) is reported as unsupported rather than half-evaluated.
import { z } from "zod";

export type TagStatus = "tagged" | "untagged" | "any";

export interface LifecycleSelection {
  tagStatus: TagStatus;
  tagPrefixList?: string[];
  tagPatternList?: string[];
  countType: "imageCountMoreThan" | "sinceImagePushed";
  countUnit?: "days";
  countNumber: number;
}

export interface LifecycleRule {
  rulePriority: number;
  description?: string;
  selection: LifecycleSelection;
  action: { type: "expire" };
}

export interface LifecyclePolicy {
  rules: LifecycleRule[];
}

const MAX_WILDCARDS = 4;

const selectionSchema = z
  .strictObject({
    tagStatus: z.enum(["tagged", "untagged", "any"]),
    tagPrefixList: z.array(z.string().min(1)).min(1).optional(),
    tagPatternList: z
      .array(
        z.string().min(1).refine((p) => (p.match(/\*/g)?.length ?? 0) <= MAX_WILDCARDS, `At most ${MAX_WILDCARDS} "*" wildcards per pattern`),
      )
      .min(1)
      .optional(),
    countType: z.enum(["imageCountMoreThan", "sinceImagePushed"]),
    countUnit: z.literal("days").optional(),
    countNumber: z.number().int().min(1),
  })
  .superRefine((s, ctx) => {
    const lists = Number(s.tagPrefixList !== undefined) + Number(s.tagPatternList !== undefined);
    if (s.tagStatus === "tagged" && lists !== 1) {
      ctx.addIssue({ code: "custom", message: 'tagStatus "tagged" needs exactly one of tagPrefixList or tagPatternList' });
    }
    if (s.tagStatus !== "tagged" && lists > 0) {
      ctx.addIssue({ code: "custom", message: `tagStatus "${s.tagStatus}" takes no tagPrefixList or tagPatternList` });
    }
    if (s.countType === "sinceImagePushed" && s.countUnit === undefined) {
      ctx.addIssue({ code: "custom", message: 'countType "sinceImagePushed" needs countUnit "days"' });
    }
    if (s.countType === "imageCountMoreThan" && s.countUnit !== undefined) {
      ctx.addIssue({ code: "custom", message: 'countUnit is only used with countType "sinceImagePushed"' });
    }
  });

const ruleSchema = z.strictObject({
  rulePriority: z.number().int().min(1),
  description: z.string().optional(),
  selection: selectionSchema,
  action: z.strictObject({ type: z.literal("expire") }),
});

const policySchema = z
  .strictObject({ rules: z.array(ruleSchema).min(1) })
  .superRefine(({ rules }, ctx) => {
    const priorities = rules.map((r) => r.rulePriority);
    if (new Set(priorities).size !== priorities.length) ctx.addIssue({ code: "custom", message: "rulePriority values must be unique" });
    const highest = Math.max(...priorities);
    if (rules.some((r) => r.selection.tagStatus === "any" && r.rulePriority !== highest)) {
      ctx.addIssue({ code: "custom", message: 'A tagStatus "any" rule must have the highest rulePriority' });
    }
    if (rules.filter((r) => r.selection.tagStatus === "untagged").length > 1) {
      ctx.addIssue({ code: "custom", message: "Only one rule may select untagged images" });
    }
  });

function where(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("").replace(/^\./, "");
}

export function parseLifecyclePolicy(text: string): { ok: true; policy: LifecyclePolicy } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Lifecycle policy is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = policySchema.safeParse(json);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const error = parsed.error.issues.map((i) => (i.path.length > 0 ? `${where(i.path)}: ${i.message}` : i.message)).join("; ");
  return { ok: false, error: `Lifecycle policy is not supported or invalid: ${error}` };
}
