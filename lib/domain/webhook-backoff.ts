// When a failed delivery is tried again: exponential from 5 s, doubled per attempt up to 10 minutes,
// each delay spread ±20 % so receivers that come back after an outage are not hit by every replica's
// retries in the same second; and when to give up (after MAX_ATTEMPTS or 24 h, whichever comes first).
// A receiver's Retry-After (429, 503) is honoured when it asks for longer. Pure: the random number is
// an argument.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
  maxAgeMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 10 * 60_000, maxAttempts: 200, maxAgeMs: 24 * 3_600_000 };
const JITTER = 0.2;

/** The delay after the `attempts`-th failed attempt (1 = the first), for `random` in [0, 1). */
export function retryDelayMs(policy: BackoffPolicy, attempts: number, random: number, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exponential * (1 - JITTER + 2 * JITTER * random));
  return Math.min(policy.maxMs, Math.max(jittered, retryAfterMs ?? 0));
}

export type RetryDecision = { retryAt: Date } | { giveUp: string };

/** After a failed attempt: the next attempt's time, or why there is none. */
export function nextAttempt(policy: BackoffPolicy, failure: { attempts: number; createdAt: Date; now: Date; random: number; retryAfterMs?: number }): RetryDecision {
  if (failure.attempts >= policy.maxAttempts) return { giveUp: `gave up after ${failure.attempts} attempts` };
  const at = failure.now.getTime() + retryDelayMs(policy, failure.attempts, failure.random, failure.retryAfterMs);
  if (at - failure.createdAt.getTime() > policy.maxAgeMs) return { giveUp: `gave up after ${failure.attempts} attempts over ${Math.round(policy.maxAgeMs / 3_600_000)} h` };
  return { retryAt: new Date(at) };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d{1,7}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
