// A token bucket as AWS describes its API throttling: the bucket holds up to `burst` tokens, refills at
// `ratePerSecond`, and every call takes one. Measured on the wall clock: throttling is about real
// request rates, whatever the sandbox clock's time scale.
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly wallNow: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = wallNow();
  }

  tryTake(): boolean {
    const now = this.wallNow();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
