// The server-side follower: every pollIntervalMs it claims the running operations no live replica
// follows (a lease in the store, so with several replicas on one Postgres exactly one follows each, and
// another takes over within leaseTtlMs if that replica dies), renews its leases, and asks ECS about
// them, one environment at a time, batched. Throttling doubles the interval (up to 8×) until ECS answers
// again. Started at server start (instrumentation), so operations left running by a restart resume.
import { awsRuntime, envScope } from "@/lib/aws";
import type { AppConfig } from "@/lib/config";
import { metrics } from "@/lib/observability";
import { claimFollowable, releaseAllLeases, releaseLease, renewLeases, type Operation, type Store } from "@/lib/store";
import { TickLoop } from "@/lib/server/tick-loop";
import { settleEndedRestores } from "../restore-outcome";
import { followEnvironment } from "./follow-environment";

const MAX_BACKOFF = 8;
const CLAIM_LIMIT = 200;
// How long stop() lets a tick in flight finish before giving the leases back anyway: a tick waiting on a
// slow AWS call must not hold up a shutdown that has seconds to hand over.
const STOP_WAIT_MS = 2000;

export interface FollowerOptions {
  config: AppConfig;
  store: Store;
  /** This replica's name in the leases (host and process id by default). */
  owner: string;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export class Follower {
  private readonly owned = new Set<string>();
  private backoff = 1;
  /** Set by stop(): tests drive tick() without start(), so the loop's own state cannot mean "shutting down". */
  private halted = false;
  private readonly loop: TickLoop;

  constructor(private readonly opts: FollowerOptions) {
    this.loop = new TickLoop(
      () => this.tick(),
      () => this.opts.config.deploy.pollIntervalMs * this.backoff,
      (error) => this.opts.log?.("follower: tick failed", error),
    );
  }

  get following(): readonly string[] {
    return [...this.owned];
  }

  start(): void {
    this.loop.start();
  }

  /** Look now (an operation just started) instead of at the next tick. */
  wake(): void {
    this.loop.wake();
  }

  /**
   * Stops ticking and gives back every lease this replica holds, so another replica takes its operations
   * over on its next tick instead of after leaseTtlMs. A tick still in flight after STOP_WAIT_MS is not
   * waited for: its writes are guarded on the lease, which it no longer holds. Returns how many leases it
   * released.
   */
  async stop(): Promise<number> {
    this.halted = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.loop.stop(), new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
    this.owned.clear();
    this.countLeases();
    return releaseAllLeases(this.opts.store.db, this.opts.owner);
  }

  /** The leases-held gauge follows every change to what this replica owns. */
  private countLeases(): void {
    metrics().leasesHeld.set(this.owned.size);
  }

  /** One round: claim, renew, read and classify. Exposed for tests that drive the clock themselves. */
  async tick(): Promise<void> {
    const { store, config, owner } = this.opts;
    const now = this.opts.now?.() ?? new Date();
    const lease = { owner, now, ttlMs: config.deploy.leaseTtlMs };
    // Two statements a tick however many operations it follows: renew what it holds (reading them back),
    // then claim what nobody holds; a lease it lost drops out of the renewal's answer.
    const renewed = await renewLeases(store.db, [...this.owned], lease);
    // Stopped while renewing: claiming now would take leases that stop() is about to give back.
    if (this.halted) return;
    const claimed = await claimFollowable(store.db, { ...lease, limit: CLAIM_LIMIT });
    const ops: Operation[] = [...renewed, ...claimed];
    this.owned.clear();
    for (const op of ops) this.owned.add(op.id);
    this.countLeases();
    let throttled = false;
    const rt = awsRuntime(config);
    for (const env of config.environments) {
      const mine = ops.filter((op) => op.env === env.id);
      if (mine.length === 0) continue;
      const result = await followEnvironment({ scope: envScope(rt, env), store, config, owner, now, timeoutMs: config.deploy.followTimeoutMs }, mine);
      throttled ||= result.throttled;
      for (const id of result.finished) {
        this.owned.delete(id);
        await releaseLease(store.db, id, owner).catch(() => false);
      }
      this.countLeases();
    }
    this.backoff = throttled ? Math.min(this.backoff * 2, MAX_BACKOFF) : 1;
    await settleEndedRestores(store, now);
  }
}
