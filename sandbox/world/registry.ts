// One RegionWorld per account+region, created on first use, as AWS keeps state per account and Region.
// All worlds share the sandbox clock; a world is advanced to the clock before anything reads it.
import { EcrRegion } from "../ecr/state";
import { EcsRegion } from "../ecs/state";
import type { RegionWorld } from "../core/operation";
import type { SandboxClock } from "./clock";

export class WorldRegistry {
  private worlds = new Map<string, RegionWorld>();

  constructor(readonly clock: SandboxClock) {}

  /** The world of an account+region, created empty when first asked for. */
  get(account: string, region: string): RegionWorld {
    const key = `${account}/${region}`;
    let world = this.worlds.get(key);
    if (!world) {
      const ecr = new EcrRegion({ account, region });
      world = { account, region, ecr, ecs: new EcsRegion({ account, region, ecr }) };
      this.worlds.set(key, world);
    }
    return world;
  }

  /** Bring a world up to the clock: ECR first, because ECS resolves images against it. */
  advance(world: RegionWorld, now: number = this.clock.now()): void {
    world.ecr.advanceTo(now);
    world.ecs.advanceTo(now);
  }

  advanceAll(): number {
    const now = this.clock.now();
    for (const world of this.worlds.values()) this.advance(world, now);
    return now;
  }

  /** Forget every account and region (POST /_sandbox/reset). */
  clear(): void {
    this.worlds.clear();
  }

  list(): RegionWorld[] {
    return [...this.worlds.values()];
  }
}
