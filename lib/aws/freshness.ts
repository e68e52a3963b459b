// Collects how old the pieces of one view are, so a page can say "as of 12 s ago" and mark stale
// data instead of passing it off as live. One tracker per query call; caches record into it.

export class FreshnessTracker {
  private oldest: number | undefined;
  private anyStale = false;

  /** Notes one piece of data fetched at `fetchedAt` (epoch ms), served stale or not. */
  record(fetchedAt: number, stale: boolean): void {
    if (this.oldest === undefined || fetchedAt < this.oldest) this.oldest = fetchedAt;
    if (stale) this.anyStale = true;
  }

  /** The view's freshness: the oldest fetch time (now when nothing was recorded). */
  result(now: number = Date.now()): { asOf: Date; stale: boolean } {
    return { asOf: new Date(this.oldest ?? now), stale: this.anyStale };
  }
}
