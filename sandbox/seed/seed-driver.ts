// Replays history into a fresh world through the real operations, at the sandbox times it "happened":
// the clock is frozen, set to the past, and only moved forward, with the world advanced at every step
// so rollouts, scans and lifecycle expiry run exactly as they would have live.
import type { Input, OperationTable, RegionWorld } from "../core/operation";
import { ecrOperations } from "../ecr/operations";
import { ecsOperations } from "../ecs/operations";
import type { SandboxClock } from "../world/clock";
import type { WorldRegistry } from "../world/registry";

export interface SeedTarget {
  readonly clock: SandboxClock;
  readonly worlds: WorldRegistry;
}

export class SeedDriver {
  readonly world: RegionWorld;

  private constructor(
    private readonly target: SeedTarget,
    readonly account: string,
    readonly region: string,
  ) {
    this.world = target.worlds.get(account, region);
  }

  /**
   * Run `replay` starting at `startAt` and leave the clock where it was (frozen or running) afterwards.
   * The world must be fresh: nothing may have observed a time later than `startAt`.
   */
  static replay(target: SeedTarget, scope: { account: string; region: string; startAt: number }, replay: (driver: SeedDriver) => void): void {
    const { clock } = target;
    const wasFrozen = clock.isFrozen();
    const end = clock.now();
    clock.freeze();
    clock.setTime(scope.startAt);
    const driver = new SeedDriver(target, scope.account, scope.region);
    replay(driver);
    driver.moveTo(Math.max(end, clock.now()));
    if (!wasFrozen) clock.resume();
  }

  now(): number {
    return this.target.clock.now();
  }

  /** Move the clock forward to `epochMs` and run the simulation up to it. */
  moveTo(epochMs: number): void {
    const now = this.target.clock.now();
    if (epochMs > now) this.target.clock.advance(epochMs - now);
    this.target.worlds.advance(this.world, this.target.clock.now());
  }

  ecs(operation: string, input: Input): Record<string, unknown> {
    return this.call(ecsOperations, operation, input);
  }

  ecr(operation: string, input: Input): Record<string, unknown> {
    return this.call(ecrOperations, operation, input);
  }

  private call(table: OperationTable, operation: string, input: Input): Record<string, unknown> {
    const run = table[operation];
    if (!run) throw new Error(`The seed calls ${operation}, which the sandbox does not implement`);
    const now = this.target.clock.now();
    this.target.worlds.advance(this.world, now);
    return run(input, { account: this.account, region: this.region, now, world: this.world });
  }
}
