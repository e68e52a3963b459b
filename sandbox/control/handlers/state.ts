// GET /_sandbox/state: the clock, the active faults and the models' own snapshots of one account+region.
import type { ControlRequest } from "../request";

export function getState(request: ControlRequest): unknown {
  const { runtime, account, region } = request;
  const world = request.world();
  return {
    scenario: runtime.scenario,
    clock: runtime.clock.state(),
    faults: runtime.faults.current() ?? null,
    worlds: runtime.worlds.list().map((each) => `${each.account}/${each.region}`),
    account,
    region,
    ecs: world.ecs.snapshot(),
    ecr: world.ecr.snapshot(),
  };
}
