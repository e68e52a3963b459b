// Applying lifecycle policies and completing previews on the sandbox clock.
//
// Emulator choice: AWS expires images "within about 24 h" of them becoming eligible. The sandbox
// evaluates each repository's policy once per sim day: first 24 h after the policy was first put, then
// every 24 h after `lastEvaluatedAt`. Each evaluation deletes every image eligible at that instant and
// sets `lastEvaluatedAt`. When the clock jumps over several due times, one evaluation runs at the last
// of them. So a freshly seeded repository keeps its history for a day (the preview shows what will go),
// and `control.advance(24 h)` makes the expiry real, deterministically.
//
// Emulator choice: a preview completes 5 sim seconds after it starts, evaluated at that instant.
import type { Repository } from "../repositories";
import { evaluateLifecycle } from "./evaluate";
import type { LifecycleRule, PolicyState } from "./policy";

export const EVALUATION_INTERVAL_MS = 86_400_000;
export const PREVIEW_DURATION_MS = 5_000;

export function nextEvaluationAt(policy: PolicyState): number {
  return (policy.lastEvaluatedAt ?? policy.putAt) + EVALUATION_INTERVAL_MS;
}

/** The earliest time something of this repository is due, or Infinity. */
export function nextDueAt(repo: Repository): number {
  const preview = repo.preview && !repo.preview.results ? repo.preview.completesAt : Infinity;
  return Math.min(preview, repo.policy ? nextEvaluationAt(repo.policy) : Infinity);
}

export function startPreview(repo: Repository, text: string, rules: LifecycleRule[], now: number): void {
  repo.preview = { text, rules, startedAt: now, completesAt: now + PREVIEW_DURATION_MS };
}

function completePreview(repo: Repository): void {
  const preview = repo.preview;
  if (preview && !preview.results) preview.results = evaluateLifecycle(preview.rules, repo.images, preview.completesAt);
}

function runEvaluation(repo: Repository, policy: PolicyState, now: number): void {
  const first = nextEvaluationAt(policy);
  const at = first + Math.floor((now - first) / EVALUATION_INTERVAL_MS) * EVALUATION_INTERVAL_MS;
  for (const decision of evaluateLifecycle(policy.rules, repo.images, at)) {
    const image = repo.images.get(decision.digest);
    if (image) repo.images.delete(image);
  }
  policy.lastEvaluatedAt = at;
}

/** Complete the preview and run the policy if due by `now`, in time order. */
export function runDue(repo: Repository, now: number): void {
  const policy = repo.policy;
  const evaluationAt = policy ? nextEvaluationAt(policy) : Infinity;
  const pendingPreview = repo.preview && !repo.preview.results ? repo.preview : undefined;
  if (pendingPreview && pendingPreview.completesAt <= Math.min(now, evaluationAt)) completePreview(repo);
  if (policy && evaluationAt <= now) runEvaluation(repo, policy, now);
  if (pendingPreview && pendingPreview.completesAt <= now) completePreview(repo);
}
