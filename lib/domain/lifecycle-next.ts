// Whether a rollback target's image is about to disappear under the repository's lifecycle policy:
// expired at the policy's next run, or next in line (the next push of a like-tagged image, or one more
// day, would expire it). Deploying it anyway leaves a service that cannot start new tasks soon after.
import { evaluateLifecyclePolicy, type LifecycleImage } from "./lifecycle";
import type { LifecyclePolicy } from "./lifecycle-policy";

export type ExpiryRisk =
  | { kind: "expiring"; rulePriority: number }
  | { kind: "next-in-line"; rulePriority: number; after: "next-push" | "one-day" };

const DAY_MS = 86_400_000;
const HYPOTHETICAL = "sha256:steady-state-next-push";

export function expiryRisk(policy: LifecyclePolicy, images: readonly LifecycleImage[], digest: string, now: Date): ExpiryRisk | undefined {
  const image = images.find((i) => i.digest === digest);
  if (!image) return undefined;
  const today = evaluateLifecyclePolicy(policy, images, now).get(digest);
  if (today) return { kind: "expiring", rulePriority: today.rulePriority };
  // The same tags match the same rules as the next CI push would (prod-<sha>, sha-<sha>, or none).
  const next = { digest: HYPOTHETICAL, tags: image.tags, pushedAt: now };
  const afterPush = evaluateLifecyclePolicy(policy, [...images, next], now).get(digest);
  if (afterPush) return { kind: "next-in-line", rulePriority: afterPush.rulePriority, after: "next-push" };
  const tomorrow = evaluateLifecyclePolicy(policy, images, new Date(now.getTime() + DAY_MS)).get(digest);
  if (tomorrow) return { kind: "next-in-line", rulePriority: tomorrow.rulePriority, after: "one-day" };
  return undefined;
}
