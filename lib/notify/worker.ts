// The delivery worker: every pollMs (or at once when woken) it claims due outbox rows with a lease
// (claimDueDeliveries: several replicas never hold one row at once, and a row whose worker died is
// retried after the lease runs out), sends each one outside any request or transaction, records the
// attempt, and schedules a failed one again by the backoff schedule until its horizon. Sends run
// concurrently up to maxInFlight, so one hanging receiver holds one slot for at most timeoutMs and the
// others keep flowing. stop() stops claiming and waits for the sends under way to be recorded.
import type { NotificationTarget } from "@/lib/config";
import { DEFAULT_BACKOFF, nextAttempt, parseRetryAfter, type BackoffPolicy } from "@/lib/domain/webhook-backoff";
import type { NotificationEvent } from "@/lib/domain/webhook-event";
import { TickLoop } from "@/lib/server/tick-loop";
import { claimDueDeliveries, recordAttempt, type AttemptResult, type OutboxDelivery, type Store } from "@/lib/store";
import { outgoingRequest } from "./request";
import { send } from "./send";

export interface WorkerOptions {
  store: Store;
  targets: readonly NotificationTarget[];
  /** This replica's name in the leases. */
  owner: string;
  timeoutMs?: number;
  pollMs?: number;
  maxInFlight?: number;
  backoff?: BackoffPolicy;
  now?: () => Date;
  random?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_POLL_MS = 2_000;
const DEFAULT_MAX_IN_FLIGHT = 16;
// The lease outlives the send's timeout, so a live worker always records before another may take over.
const LEASE_MARGIN_MS = 30_000;

export class NotificationWorker {
  private readonly targets: ReadonlyMap<string, NotificationTarget>;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly loop: TickLoop;

  constructor(private readonly opts: WorkerOptions) {
    this.targets = new Map(opts.targets.map((t) => [t.id, t]));
    this.loop = new TickLoop(
      () => this.tick(),
      () => this.opts.pollMs ?? DEFAULT_POLL_MS,
      (error) => this.opts.log?.("notifications: claiming deliveries failed", error),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Something was enqueued: claim now instead of at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.idle();
  }

  /** Resolves when every send started so far has been recorded (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /** Claims what is due (up to the free slots) and starts sending it; returns how many it claimed. */
  async tick(): Promise<number> {
    const room = (this.opts.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT) - this.inFlight.size;
    if (room <= 0) return 0;
    const ttlMs = (this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) + LEASE_MARGIN_MS;
    const claimed = await claimDueDeliveries(this.opts.store.db, { owner: this.opts.owner, now: this.now(), ttlMs, limit: room });
    for (const delivery of claimed) {
      const sending: Promise<void> = this.deliver(delivery)
        .catch((error: unknown) => this.opts.log?.(`notifications: delivery ${delivery.id} could not be recorded`, error))
        .finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
    }
    return claimed.length;
  }

  private async deliver(delivery: OutboxDelivery): Promise<void> {
    const result = await this.attempt(delivery);
    const recorded = await recordAttempt(this.opts.store.db, delivery.id, this.opts.owner, result, this.now());
    // Retries due sooner than the next poll are picked up by it; a later one by a later poll.
    if (recorded && !result.delivered && "retryAt" in result) this.loop.soon(Math.max(0, Math.min(result.retryAt.getTime() - this.now().getTime(), this.opts.pollMs ?? DEFAULT_POLL_MS)));
  }

  private async attempt(delivery: OutboxDelivery): Promise<AttemptResult> {
    const target = this.targets.get(delivery.targetId);
    if (!target) return { delivered: false, error: `target ${delivery.targetId} is no longer configured`, giveUp: true };
    const timeoutMs = this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Signed with the wall clock whatever clock schedules the outbox: receivers check webhook-timestamp against theirs.
    const sent = await send(outgoingRequest(target, delivery.payload as NotificationEvent, new Date()), timeoutMs);
    if (sent.ok) return { delivered: true };
    const now = this.now();
    const retryAfterMs = parseRetryAfter(sent.retryAfter, now);
    const decision = nextAttempt(this.opts.backoff ?? DEFAULT_BACKOFF, { attempts: delivery.attempts, createdAt: delivery.createdAt, now, random: this.opts.random?.() ?? Math.random(), ...(retryAfterMs !== undefined && { retryAfterMs }) });
    return "retryAt" in decision ? { delivered: false, error: sent.error, retryAt: decision.retryAt } : { delivered: false, error: `${sent.error}; ${decision.giveUp}`, giveUp: true };
  }
}
