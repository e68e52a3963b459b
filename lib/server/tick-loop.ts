// A background job of the server process (the follower, the notification worker, the watcher of outside
// ECS deployments): `tick` runs one at a time, again `intervalMs()` after the last one ended (asked anew
// each time, so a job can back off), at once when woken. A wake during a tick runs another right after
// it, so nothing enqueued meanwhile waits a whole interval. stop() waits for the tick under way.
export class TickLoop {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly tick: () => Promise<unknown>,
    private readonly intervalMs: () => number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.ticking) this.again = true;
    else this.schedule(0);
  }

  /** The next tick within `ms` rather than at the interval (a retry due soon); a tick under way schedules its own. */
  soon(ms: number): void {
    if (!this.stopped && !this.ticking) this.schedule(ms);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    if (this.ticking) return;
    this.ticking = this.tick().then(
      () => undefined,
      (error: unknown) => this.onError(error),
    );
    await this.ticking;
    this.ticking = undefined;
    this.schedule(this.again ? 0 : this.intervalMs());
    this.again = false;
  }
}
