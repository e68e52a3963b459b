// The two caches behind every AWS read. Both coalesce: concurrent identical requests share one
// promise, so fifty viewers opening the overview cost AWS the same calls as one.
// - ImmutableCache: things that never change once they exist (a task-definition revision by ARN,
//   completed scan findings by digest). Bounded LRU, no expiry.
// - TtlCache: mutable things (services, tasks, image lists). Fresh until the end of the `ttlMs`-long
//   clock bucket it was stored in; after that the stale value is served while ONE background refresh
//   runs (stale-while-revalidate), up to `maxStaleMs`, after which callers wait for the refresh.
//   Failed loads are never cached.
//   Why buckets rather than "ttlMs after the fetch": expiry then falls at the same instants whoever
//   asks, so any number of viewers cause at most one refresh per key per bucket, and a single viewer
//   polling at the refresh interval causes the same one: fifty viewers cost what one costs.
import { LRUCache } from "lru-cache";
import type { Counter } from "prom-client";
import { metrics } from "@/lib/observability/metrics";
import type { FreshnessTracker } from "./freshness";

/** Served data older than this many TTLs is reported as stale to the view. */
export const STALE_AFTER_TTLS = 3;

interface Entry {
  value: unknown;
  /** When the load started: the honest "as of" of the data. */
  fetchedAt: number;
  /** When the load finished: decides the freshness bucket, so a load straddling a bucket edge is not refreshed at once. */
  storedAt: number;
}

export class Coalescer {
  private readonly inflight = new Map<string, Promise<Entry>>();

  /** Runs `load` unless one is already running for `key`; `store` runs only if not cancelled meanwhile. */
  run(key: string, load: () => Promise<unknown>, store: (entry: Entry) => void): Promise<Entry> {
    const running = this.inflight.get(key);
    if (running) return running;
    const startedAt = Date.now();
    const promise: Promise<Entry> = load()
      .then((value) => {
        const entry = { value, fetchedAt: startedAt, storedAt: Date.now() };
        if (this.inflight.get(key) === promise) store(entry);
        return entry;
      })
      .finally(() => {
        if (this.inflight.get(key) === promise) this.inflight.delete(key);
      });
    this.inflight.set(key, promise);
    return promise;
  }

  /** Joins the load running for `key`, or starts one; nothing is kept once it settles (fresh reads). */
  async share<T>(key: string, load: () => Promise<T>): Promise<T> {
    return (await this.run(key, load, () => undefined)).value as T;
  }

  /** Forgets running loads whose key matches: their results will not be stored. */
  cancel(matches: (key: string) => boolean): void {
    for (const key of [...this.inflight.keys()]) if (matches(key)) this.inflight.delete(key);
  }

  clear(): void {
    this.inflight.clear();
  }
}

/** Hit and miss counters of one named cache, bound once so that counting costs an addition per lookup. */
interface LookupCounters {
  hit: ReturnType<Counter<"cache">["labels"]>;
  miss: ReturnType<Counter<"cache">["labels"]>;
}

function lookupCounters(name: string): LookupCounters {
  const m = metrics();
  return { hit: m.cacheHits.labels(name), miss: m.cacheMisses.labels(name) };
}

export class ImmutableCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly coalescer = new Coalescer();
  private readonly counted: LookupCounters;

  constructor(maxEntries: number, name = "immutable") {
    this.entries = new LRUCache({ max: maxEntries });
    this.counted = lookupCounters(name);
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.counted.hit.inc();
      return hit.value as T;
    }
    this.counted.miss.inc();
    const entry = await this.coalescer.run(key, load, (e) => this.entries.set(key, e));
    return entry.value as T;
  }

  /** The cached value without loading, or undefined. */
  peek<T>(key: string): T | undefined {
    return this.entries.get(key)?.value as T | undefined;
  }

  /** Stores a value learned elsewhere (e.g. a revision returned by a batch call). */
  set(key: string, value: unknown): void {
    const now = Date.now();
    this.entries.set(key, { value, fetchedAt: now, storedAt: now });
  }

  clear(): void {
    this.entries.clear();
    this.coalescer.clear();
  }
}

export class TtlCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly coalescer = new Coalescer();
  private readonly counted: LookupCounters;

  constructor(
    private readonly ttlMs: number,
    private readonly maxStaleMs: number,
    maxEntries: number,
    name = "mutable",
  ) {
    this.entries = new LRUCache({ max: maxEntries });
    this.counted = lookupCounters(name);
  }

  async get<T>(key: string, load: () => Promise<T>, fresh?: FreshnessTracker): Promise<T> {
    const hit = this.entries.get(key);
    const now = Date.now();
    const age = hit ? now - hit.fetchedAt : Infinity;
    if (hit && this.isFresh(hit, now)) {
      this.counted.hit.inc();
      fresh?.record(hit.fetchedAt, false);
      return hit.value as T;
    }
    if (hit && age < this.maxStaleMs) {
      this.counted.hit.inc();
      // Serve stale now; the refresh's failure is not this caller's problem (the next caller retries).
      this.refresh(key, load).catch(() => undefined);
      // Past its TTL by less than a couple of refresh rounds is the normal rhythm of
      // stale-while-revalidate, not news. Data is *marked* stale only once refreshes have been failing
      // (or AWS has been slow) for longer than that, so the badge means something when it shows.
      fresh?.record(hit.fetchedAt, age >= STALE_AFTER_TTLS * this.ttlMs);
      return hit.value as T;
    }
    this.counted.miss.inc();
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

  /**
   * Fresh while in the bucket it was stored in, and always for half a TTL after it was stored, so a
   * load that lands just before a bucket edge is not thrown away by the next viewer a moment later.
   */
  private isFresh(entry: Entry, now: number): boolean {
    return Math.floor(entry.storedAt / this.ttlMs) === Math.floor(now / this.ttlMs) || now - entry.storedAt < this.ttlMs / 2;
  }

  private refresh(key: string, load: () => Promise<unknown>): Promise<Entry> {
    return this.coalescer.run(key, load, (e) => this.entries.set(key, e));
  }
}
