// The two caches behind every AWS read. Both coalesce: concurrent identical requests share one
// promise, so fifty viewers opening the overview cost AWS the same calls as one.
// - ImmutableCache: things that never change once they exist (a task-definition revision by ARN,
//   completed scan findings by digest). Bounded LRU, no expiry.
// - TtlCache: mutable things (services, tasks, image lists). Fresh for `ttlMs`; after that the
//   stale value is served while ONE background refresh runs (stale-while-revalidate), up to
//   `maxStaleMs`, after which callers wait for the refresh. Failed loads are never cached.
import { LRUCache } from "lru-cache";
import type { FreshnessTracker } from "./freshness";

/** Served data older than this many TTLs is reported as stale to the view. */
export const STALE_AFTER_TTLS = 3;

interface Entry {
  value: unknown;
  fetchedAt: number;
}

class Coalescer {
  private readonly inflight = new Map<string, Promise<Entry>>();

  /** Runs `load` unless one is already running for `key`; `store` runs only if not cancelled meanwhile. */
  run(key: string, load: () => Promise<unknown>, store: (entry: Entry) => void): Promise<Entry> {
    const running = this.inflight.get(key);
    if (running) return running;
    const startedAt = Date.now();
    const promise: Promise<Entry> = load()
      .then((value) => {
        const entry = { value, fetchedAt: startedAt };
        if (this.inflight.get(key) === promise) store(entry);
        return entry;
      })
      .finally(() => {
        if (this.inflight.get(key) === promise) this.inflight.delete(key);
      });
    this.inflight.set(key, promise);
    return promise;
  }

  /** Forgets running loads whose key matches: their results will not be stored. */
  cancel(matches: (key: string) => boolean): void {
    for (const key of [...this.inflight.keys()]) if (matches(key)) this.inflight.delete(key);
  }

  clear(): void {
    this.inflight.clear();
  }
}

export class ImmutableCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly coalescer = new Coalescer();

  constructor(maxEntries: number) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) return hit.value as T;
    const entry = await this.coalescer.run(key, load, (e) => this.entries.set(key, e));
    return entry.value as T;
  }

  /** The cached value without loading, or undefined. */
  peek<T>(key: string): T | undefined {
    return this.entries.get(key)?.value as T | undefined;
  }

  /** Stores a value learned elsewhere (e.g. a revision returned by a batch call). */
  set(key: string, value: unknown): void {
    this.entries.set(key, { value, fetchedAt: Date.now() });
  }

  clear(): void {
    this.entries.clear();
    this.coalescer.clear();
  }
}

export class TtlCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly coalescer = new Coalescer();

  constructor(
    private readonly ttlMs: number,
    private readonly maxStaleMs: number,
    maxEntries: number,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  async get<T>(key: string, load: () => Promise<T>, fresh?: FreshnessTracker): Promise<T> {
    const hit = this.entries.get(key);
    const age = hit ? Date.now() - hit.fetchedAt : Infinity;
    if (hit && age < this.ttlMs) {
      fresh?.record(hit.fetchedAt, false);
      return hit.value as T;
    }
    if (hit && age < this.maxStaleMs) {
      // Serve stale now; the refresh's failure is not this caller's problem (the next caller retries).
      this.refresh(key, load).catch(() => undefined);
      // Past its TTL by less than a couple of refresh rounds is the normal rhythm of
      // stale-while-revalidate, not news. Data is *marked* stale only once refreshes have been failing
      // (or AWS has been slow) for longer than that, so the badge means something when it shows.
      fresh?.record(hit.fetchedAt, age >= STALE_AFTER_TTLS * this.ttlMs);
      return hit.value as T;
    }
    const entry = await this.refresh(key, load);
    fresh?.record(entry.fetchedAt, false);
    return entry.value as T;
  }

  /** Drops cached values and running loads for `key` and every key below it (`key|…`). */
  invalidate(key: string): void {
    const matches = (k: string) => k === key || k.startsWith(`${key}|`);
    for (const k of [...this.entries.keys()]) if (matches(k)) this.entries.delete(k);
    this.coalescer.cancel(matches);
  }

  clear(): void {
    this.entries.clear();
    this.coalescer.clear();
  }

  private refresh(key: string, load: () => Promise<unknown>): Promise<Entry> {
    return this.coalescer.run(key, load, (e) => this.entries.set(key, e));
  }
}
