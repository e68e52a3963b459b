import { describe, expect, it } from "vitest";
import { formatAge, formatBytes, formatDuration } from "@/lib/domain/format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1023, "1023 B"],
    [1024, "1.0 KiB"],
    [1536, "1.5 KiB"],
    [10 * 1024, "10 KiB"],
    [231 * 1024 * 1024, "231 MiB"],
    [1.25 * 1024 ** 3, "1.3 GiB"],
    [5 * 1024 ** 5, "5120 TiB"],
    [-1, "—"],
    [Number.NaN, "—"],
  ])("%d → %s", (n, expected) => {
    expect(formatBytes(n)).toBe(expected);
  });
});

describe("formatAge", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it.each([
    [ago(12_000), "12 s ago"],
    [ago(500), "just now"],
    [ago(-5000), "just now"], // clock skew: a time slightly in the future
    [ago(59_999), "59 s ago"],
    [ago(60_000), "1 min ago"],
    [ago(3 * 60_000 + 59_000), "3 min ago"],
    [ago(5 * 3_600_000), "5 h ago"],
    [ago(23 * 3_600_000 + 59 * 60_000), "23 h ago"],
    [ago(4 * 86_400_000), "4 d ago"],
    [ago(400 * 86_400_000), "400 d ago"],
  ])("%s → %s", (from, expected) => {
    expect(formatAge(from, now)).toBe(expected);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [42_000, "42 s"],
    [60_000, "1 min"],
    [200_000, "3 min 20 s"],
    [7_500_000, "2 h 5 min"],
    [3_600_000 + 30_000, "1 h"], // the second unit is minutes, and there are none
    [3 * 86_400_000 + 4 * 3_600_000 + 59_000, "3 d 4 h"],
    [-1, "—"],
    [Number.POSITIVE_INFINITY, "—"],
  ])("%d ms → %s", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
