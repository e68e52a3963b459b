// Drift: live tasks of one service running different image digests for the same container. ECS pins a
// digest per deployment (versionConsistency), so outside a rollout every task should agree.
import { compareText } from "./compare";
import type { Task } from "./types";

export interface DigestDrift {
  drift: boolean;
  byContainer: Array<{ container: string; digests: Array<{ digest: string; taskCount: number }> }>;
}

const LIVE_STATUSES = new Set(["RUNNING", "PENDING"]);

/** Groups RUNNING/PENDING tasks' container digests; containers without a reported digest are left out. */
export function detectDigestDrift(tasks: readonly Task[]): DigestDrift {
  const counts = new Map<string, Map<string, number>>();
  for (const task of tasks) {
    if (!LIVE_STATUSES.has(task.lastStatus)) continue;
    for (const container of task.containers) {
      if (!container.imageDigest) continue;
      const digests = counts.get(container.name) ?? new Map<string, number>();
      digests.set(container.imageDigest, (digests.get(container.imageDigest) ?? 0) + 1);
      counts.set(container.name, digests);
    }
  }
  const byContainer = [...counts]
    .sort(([a], [b]) => compareText(a, b))
    .map(([container, digests]) => ({
      container,
      digests: [...digests]
        .map(([digest, taskCount]) => ({ digest, taskCount }))
        .sort((a, b) => b.taskCount - a.taskCount || compareText(a.digest, b.digest)),
    }));
  return { drift: byContainer.some((c) => c.digests.length > 1), byContainer };
}
