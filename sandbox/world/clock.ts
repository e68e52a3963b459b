// The sandbox clock. Sandbox time = an anchor plus the wall time elapsed since the anchor × timeScale,
// so rollouts can run faster than real time. Frozen, it only moves when told to, which makes every
// state change a pure function of the calls made (tests and the seed rely on that).
export interface ClockOptions {
  /** Sandbox epoch ms at start; defaults to the wall clock. */
  startAt?: number;
  timeScale?: number;
  frozen?: boolean;
  /** Wall-clock source, injectable so the clock itself can be tested without sleeping. */
  wallNow?: () => number;
}

export interface ClockState {
  now: number;
  frozen: boolean;
  timeScale: number;
}

export class SandboxClock {
  private readonly wallNow: () => number;
  private readonly timeScale: number;
  private anchorSandbox: number;
  private anchorWall: number;
  private frozen: boolean;
  /** Never report an earlier time than already reported: the region states only move forward. */
  private lastReported = Number.NEGATIVE_INFINITY;

  constructor(options: ClockOptions = {}) {
    this.wallNow = options.wallNow ?? Date.now;
    this.timeScale = options.timeScale ?? 1;
    if (!Number.isFinite(this.timeScale) || this.timeScale <= 0) {
      throw new RangeError(`timeScale must be a positive number, got ${String(options.timeScale)}`);
    }
    this.anchorWall = this.wallNow();
    this.anchorSandbox = options.startAt ?? this.anchorWall;
    this.frozen = options.frozen ?? false;
  }

  now(): number {
    const raw = this.frozen
      ? this.anchorSandbox
      : this.anchorSandbox + (this.wallNow() - this.anchorWall) * this.timeScale;
    // Whole milliseconds keep serialised timestamps and deterministic comparisons simple.
    this.lastReported = Math.max(this.lastReported, Math.floor(raw));
    return this.lastReported;
  }

  freeze(): void {
    this.reanchor(this.now());
    this.frozen = true;
  }

  resume(): void {
    this.reanchor(this.now());
    this.frozen = false;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance needs a non-negative number of ms, got ${ms}`);
    this.reanchor(this.now() + ms);
    return this.now();
  }

  /**
   * Jump to any time, even the past. Only the seed does this, on a fresh world before anything has
   * observed the clock in that period, to replay history at the times it "happened".
   */
  setTime(epochMs: number): void {
    this.lastReported = Number.NEGATIVE_INFINITY;
    this.reanchor(epochMs);
  }

  state(): ClockState {
    return { now: this.now(), frozen: this.frozen, timeScale: this.timeScale };
  }

  isFrozen(): boolean {
    return this.frozen;
  }

  private reanchor(sandboxMs: number): void {
    this.anchorSandbox = sandboxMs;
    this.anchorWall = this.wallNow();
  }
}
