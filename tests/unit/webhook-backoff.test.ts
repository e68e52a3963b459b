import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, nextAttempt, parseRetryAfter, retryDelayMs } from "@/lib/domain/webhook-backoff";

describe("retryDelayMs", () => {
  it.each([
    // attempts, random, expected: 5 s doubling to the 10-minute cap; random 0.5 is the middle of the ±20 % spread.
    [1, 0.5, 5_000],
    [2, 0.5, 10_000],
    [3, 0.5, 20_000],
    [7, 0.5, 320_000],
    [8, 0.5, 600_000],
    [40, 0.5, 600_000],
    [1, 0, 4_000],
    [1, 0.999999, 6_000],
    [3, 0, 16_000],
    // The spread never passes the cap.
    [8, 0.999999, 600_000],
  ])("attempt %i, random %f → %i ms", (attempts, random, expected) => {
    expect(retryDelayMs(DEFAULT_BACKOFF, attempts, random)).toBe(expected);
  });

  it("waits as long as Retry-After asks, up to the cap", () => {
    expect(retryDelayMs(DEFAULT_BACKOFF, 1, 0.5, 30_000)).toBe(30_000);
    expect(retryDelayMs(DEFAULT_BACKOFF, 1, 0.5, 3_600_000)).toBe(600_000);
    expect(retryDelayMs(DEFAULT_BACKOFF, 4, 0.5, 1_000)).toBe(40_000);
  });
});

describe("nextAttempt", () => {
  const createdAt = new Date("2026-12-01T00:00:00.000Z");
  it("retries at now + the delay", () => {
    const now = new Date("2026-12-01T00:01:00.000Z");
    expect(nextAttempt(DEFAULT_BACKOFF, { attempts: 2, createdAt, now, random: 0.5 })).toEqual({ retryAt: new Date(now.getTime() + 10_000) });
  });

  it("gives up after the last attempt", () => {
    expect(nextAttempt({ ...DEFAULT_BACKOFF, maxAttempts: 3 }, { attempts: 3, createdAt, now: createdAt, random: 0.5 })).toEqual({ giveUp: "gave up after 3 attempts" });
  });

  it("gives up when the next attempt would be more than 24 h after the event", () => {
    const now = new Date(createdAt.getTime() + 24 * 3_600_000 - 60_000);
    expect(nextAttempt(DEFAULT_BACKOFF, { attempts: 100, createdAt, now, random: 0.5 })).toEqual({ giveUp: "gave up after 100 attempts over 24 h" });
  });

  it("has attempts for a full day even at the shortest delays, so the 24 h rule ends them", () => {
    let spent = 0;
    for (let attempts = 1; attempts < DEFAULT_BACKOFF.maxAttempts; attempts++) spent += retryDelayMs(DEFAULT_BACKOFF, attempts, 0);
    expect(spent).toBeGreaterThan(DEFAULT_BACKOFF.maxAgeMs);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-12-01T00:00:00.000Z");
  it.each([
    ["120", 120_000],
    [" 3 ", 3_000],
    ["Tue, 01 Dec 2026 00:00:30 GMT", 30_000],
    ["Mon, 30 Nov 2026 00:00:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
