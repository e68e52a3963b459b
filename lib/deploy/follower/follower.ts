// The server-side follower: every pollIntervalMs it claims the running operations no live replica
// follows (a lease in the store, so with several replicas on one Postgres exactly one follows each, and
// another takes over within leaseTtlMs if that replica dies), renews its leases, and asks ECS about
// them, one environment at a time, batched. Throttling doubles the interval (up to 8×) until ECS answers
// again. Started at server start (instrumentation), so operations left running by a restart resume.
import { awsRuntime, envScope } from "@/lib/aws";
import type { AppConfig } from "@/lib/config";
import { claimFollowable, releaseLease, renewLeases, type Operation, type Store } from "@/lib/store";
import { settleEndedRestores } from "../restore-outcome";
import { followEnvironment } from "./follow-environment";

const MAX_BACKOFF = 8;
const CLAIM_LIMIT = 200;

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
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private backoff = 1;

  constructor(private readonly opts: FollowerOptions) {}

  get following(): readonly string[] {
    return [...this.owned];
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Look now (an operation just started) instead of at the next tick. */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) this.again = true;
    else this.schedule(0);
  }

  /** Stops ticking and gives the leases back so another replica need not wait for them to expire. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.all([...this.owned].map((id) => releaseLease(this.opts.store.db, id, this.opts.owner).catch(() => false)));
    this.owned.clear();
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    if (this.ticking) return;
    this.ticking = this.tick().catch((error: unknown) => this.opts.log?.("follower: tick failed", error));
    await this.ticking;
    this.ticking = undefined;
    const interval = this.opts.config.deploy.pollIntervalMs * this.backoff;
    this.schedule(this.again ? 0 : interval);
    this.again = false;
  }

  /** One round: claim, renew, read and classify. Exposed for tests that drive the clock themselves. */
  async tick(): Promise<void> {
    const { store, config, owner } = this.opts;
    const now = this.opts.now?.() ?? new Date();
    const lease = { owner, now, ttlMs: config.deploy.leaseTtlMs };
    // Two statements a tick however many operations it follows: renew what it holds (reading them back),
    // then claim what nobody holds; a lease it lost drops out of the renewal's answer.
    const renewed = await renewLeases(store.db, [...this.owned], lease);
    const claimed = await claimFollowable(store.db, { ...lease, limit: CLAIM_LIMIT });
    const ops: Operation[] = [...renewed, ...claimed];
    this.owned.clear();
    for (const op of ops) this.owned.add(op.id);
    let throttled = false;
    const rt = awsRuntime(config);
    for (const env of config.environments) {
      const mine = ops.filter((op) => op.env === env.id);
      if (mine.length === 0) continue;
      const result = await followEnvironment({ scope: envScope(rt, env), store, owner, now, timeoutMs: config.deploy.followTimeoutMs }, mine);
      throttled ||= result.throttled;
      for (const id of result.finished) {
        this.owned.delete(id);
        await releaseLease(store.db, id, owner).catch(() => false);
      }
    }
    this.backoff = throttled ? Math.min(this.backoff * 2, MAX_BACKOFF) : 1;
    await settleEndedRestores(store, now);
  }
}
