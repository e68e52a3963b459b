// The demo's policy (keep the last 10 prod- images, expire untagged after a day) and which target is at risk.
import { describe, expect, it } from "vitest";
import type { LifecycleImage } from "@/lib/domain/lifecycle";
import { expiryRisk, type ExpiryRisk } from "@/lib/domain/lifecycle-next";
import type { LifecyclePolicy } from "@/lib/domain/lifecycle-policy";

const NOW = new Date("2026-11-25T12:00:00Z");
const policy: LifecyclePolicy = {
  rules: [
    { rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["prod-"], countType: "imageCountMoreThan", countNumber: 10 }, action: { type: "expire" } },
    { rulePriority: 2, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }, action: { type: "expire" } },
  ],
};
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const prod = (i: number): LifecycleImage => ({ digest: `sha256:p${i}`, tags: [`prod-${i}`], pushedAt: hoursAgo(100 - i) });
const images: LifecycleImage[] = [
  ...Array.from({ length: 11 }, (_, i) => prod(i)), // prod-0 is the 11th newest: expiring
  { digest: "sha256:u-old", tags: [], pushedAt: hoursAgo(30) },
  { digest: "sha256:u-new", tags: [], pushedAt: hoursAgo(2) },
  { digest: "sha256:other", tags: ["latest"], pushedAt: hoursAgo(300) },
];

const cases: Array<[string, string, ExpiryRisk | undefined]> = [
  ["the 11th prod- image", "sha256:p0", { kind: "expiring", rulePriority: 1 }],
  ["the 10th prod- image: the next push expires it", "sha256:p1", { kind: "next-in-line", rulePriority: 1, after: "next-push" }],
  ["the 9th prod- image", "sha256:p2", undefined],
  ["the newest prod- image", "sha256:p10", undefined],
  ["an untagged image older than a day", "sha256:u-old", { kind: "expiring", rulePriority: 2 }],
  ["an untagged image pushed today", "sha256:u-new", { kind: "next-in-line", rulePriority: 2, after: "one-day" }],
  ["an image no rule selects", "sha256:other", undefined],
  ["an image not in the list", "sha256:gone", undefined],
];

describe("expiryRisk", () => {
  it.each(cases)("%s", (_name, digest, risk) => {
    expect(expiryRisk(policy, images, digest, NOW)).toEqual(risk);
  });
});
