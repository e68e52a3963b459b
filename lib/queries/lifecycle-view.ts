// The repository's lifecycle policy as the image history shows it: its rules in words, and which
// images it would expire now (the domain evaluator, equivalent to GetLifecyclePolicyPreview).
import { describeRule, evaluateLifecyclePolicy, parseLifecyclePolicy } from "@/lib/domain/lifecycle";
import type { EcrImage } from "@/lib/domain/types";
import type { LifecycleExpiry, LifecycleView } from "./types";

export interface LifecycleEvaluation {
  view: LifecycleView;
  expiries: Map<string, LifecycleExpiry>;
}

// Evaluating a policy over thousands of images costs milliseconds, and the image list is one cached
// array while it is fresh: reuse the answer for the same array and policy within the same minute
// (time only matters to `sinceImagePushed` rules, counted in days).
const memo = new WeakMap<readonly EcrImage[], { policyText?: string; minute: number; result: LifecycleEvaluation }>();

export function evaluateLifecycle(policyText: string | undefined, images: readonly EcrImage[], now: Date): LifecycleEvaluation {
  const minute = Math.floor(now.getTime() / 60_000);
  const hit = memo.get(images);
  if (hit && hit.policyText === policyText && hit.minute === minute) return hit.result;
  const result = evaluate(policyText, images, now);
  memo.set(images, { policyText, minute, result });
  return result;
}

function evaluate(policyText: string | undefined, images: readonly EcrImage[], now: Date): LifecycleEvaluation {
  if (policyText === undefined) return { view: { rules: [], expiringCount: 0 }, expiries: new Map() };
  const parsed = parseLifecyclePolicy(policyText);
  if (!parsed.ok) return { view: { policyText, rules: [], parseError: parsed.error, expiringCount: 0 }, expiries: new Map() };
  const rules = [...parsed.policy.rules]
    .sort((a, b) => a.rulePriority - b.rulePriority)
    .map((rule) => ({ rulePriority: rule.rulePriority, description: describeRule(rule) }));
  const expiries = new Map<string, LifecycleExpiry>();
  for (const [digest, e] of evaluateLifecyclePolicy(parsed.policy, images, now)) {
    const description = rules.find((r) => r.rulePriority === e.rulePriority)?.description ?? `Rule ${e.rulePriority}`;
    expiries.set(digest, { rulePriority: e.rulePriority, description });
  }
  return { view: { policyText, rules, expiringCount: expiries.size }, expiries };
}
