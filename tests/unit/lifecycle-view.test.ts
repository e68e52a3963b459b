// The image history's lifecycle evaluation is reused for the same cached image list, policy and
// minute, and recomputed when any of them changes.
import { describe, expect, it } from "vitest";
import type { EcrImage } from "@/lib/domain/types";
import { evaluateLifecycle } from "@/lib/queries/lifecycle-view";

const now = new Date("2026-11-25T12:00:30Z");
const images: EcrImage[] = Array.from({ length: 15 }, (_, i) => ({
  repositoryName: "my-api",
  digest: `sha256:${i.toString(16).padStart(64, "0")}`,
  tags: [`prod-${i.toString(16).padStart(40, "0")}`],
  pushedAt: new Date(now.getTime() - i * 3_600_000),
}));
const keep = (n: number) =>
  JSON.stringify({
    rules: [{ rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: n }, action: { type: "expire" } }],
  });

describe("evaluateLifecycle", () => {
  it.each([
    { policy: keep(10), expiring: 5 },
    { policy: keep(3), expiring: 12 },
    { policy: undefined, expiring: 0 },
  ])("expires $expiring images under $policy", ({ policy, expiring }) => {
    expect(evaluateLifecycle(policy, images, now).view.expiringCount).toBe(expiring);
  });

  it("reuses the evaluation for the same list, policy and minute", () => {
    const first = evaluateLifecycle(keep(10), images, now);
    expect(evaluateLifecycle(keep(10), images, new Date(now.getTime() + 20_000))).toBe(first);
  });

  it("recomputes for another policy, another minute or another list", () => {
    const first = evaluateLifecycle(keep(10), images, now);
    expect(evaluateLifecycle(keep(3), images, now)).not.toBe(first);
    expect(evaluateLifecycle(keep(10), images, new Date(now.getTime() + 60_000))).not.toBe(first);
    expect(evaluateLifecycle(keep(10), [...images], now)).not.toBe(first);
  });
});
