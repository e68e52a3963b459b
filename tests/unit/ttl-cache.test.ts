// The shared TTL cache's promise to AWS: however many viewers poll, a key is refreshed at most about
// once per TTL, the same as for one viewer; a fresh load is never thrown away a moment later.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TtlCache } from "@/lib/aws/cache";

const TTL = 5000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_764_000_000_123);
});
afterEach(() => vi.useRealTimers());

/** A small seeded PRNG so the jitter is the same on every run. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * `viewers` poll the key every `intervalMs` (staggered, each request ±5 ms late or early, as real
 * requests are) for `seconds`; returns how many loads ran.
 */
async function simulate(viewers: number, intervalMs: number, seconds: number, loadMs = 150): Promise<number> {
  const cache = new TtlCache(TTL, TTL * 12, 100);
  const random = prng(viewers * 7919 + intervalMs);
  let loads = 0;
  const load = () => {
    loads += 1;
    return new Promise((resolve) => setTimeout(() => resolve(loads), loadMs));
  };
  const requests: number[] = [];
  for (let v = 0; v < viewers; v += 1) {
    for (let t = Math.floor((v * intervalMs) / viewers); t < seconds * 1000; t += intervalMs) {
      requests.push(Math.max(0, t + Math.round((random() - 0.5) * 10)));
    }
  }
  requests.sort((a, b) => a - b);
  let clock = 0;
  for (const at of requests) {
    await vi.advanceTimersByTimeAsync(at - clock);
    clock = at;
    void cache.get("overview", load);
  }
  return loads;
}

describe("TtlCache refreshes per key, not per viewer", () => {
  it.each([
    { viewers: 1, intervalMs: 5000 },
    { viewers: 50, intervalMs: 5000 },
    { viewers: 50, intervalMs: 1000 },
    { viewers: 200, intervalMs: 5000 },
  ])("$viewers viewers polling every $intervalMs ms for 60 s load about once per TTL", async ({ viewers, intervalMs }) => {
    const loads = await simulate(viewers, intervalMs, 60);
    expect(loads).toBeGreaterThanOrEqual(11);
    expect(loads).toBeLessThanOrEqual(14);
  });

  it("fifty viewers cost within 10% of one viewer", async () => {
    const one = await simulate(1, 5000, 60);
    const fifty = await simulate(50, 5000, 60);
    expect(fifty / one).toBeLessThanOrEqual(1.1);
  });

  it("serves a value stored just before a bucket edge without reloading it", async () => {
    const cache = new TtlCache(TTL, TTL * 12, 100);
    vi.setSystemTime(Math.ceil(Date.now() / TTL) * TTL - 10); // 10 ms before an edge
    const load = vi.fn(async () => "value");
    await cache.get("k", load);
    vi.advanceTimersByTime(20); // now past the edge
    await cache.get("k", load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("serves the stale value while one refresh runs after the TTL", async () => {
    const cache = new TtlCache(TTL, TTL * 12, 100);
    let version = 0;
    const load = async () => ++version;
    expect(await cache.get("k", load)).toBe(1);
    vi.advanceTimersByTime(TTL + 1);
    const [a, b] = await Promise.all([cache.get("k", load), cache.get("k", load)]);
    expect([a, b]).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(0);
    expect(await cache.get("k", load)).toBe(2);
    expect(version).toBe(2);
  });
});
