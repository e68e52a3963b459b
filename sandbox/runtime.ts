// Everything one running sandbox holds, shared by the AWS wire layer and the control API.
import { CallCounters } from "./faults/counters";
import { FaultInjector } from "./faults/injector";
import { IamIdentities } from "./iam/identities";
import { seedScenario, type ScenarioName } from "./seed/scenarios";
import { SandboxClock, type ClockOptions } from "./world/clock";
import { WorldRegistry } from "./world/registry";

export interface SandboxRuntime {
  readonly clock: SandboxClock;
  readonly worlds: WorldRegistry;
  readonly faults: FaultInjector;
  readonly counters: CallCounters;
  /** What each access key may do (default: everything). Cleared by a reset, unlike faults. */
  readonly iam: IamIdentities;
  /** The scenario a reset without one goes back to. */
  readonly defaultScenario: ScenarioName;
  /** The scenario the current state was seeded from, reported by GET /_sandbox/state. */
  scenario: ScenarioName;
  /** Control-API pushes since the last reset; makes generated SHAs deterministic. */
  pushCount: number;
}

export function createRuntime(clock: ClockOptions, defaultScenario: ScenarioName): SandboxRuntime {
  const sandboxClock = new SandboxClock(clock);
  return {
    clock: sandboxClock,
    worlds: new WorldRegistry(sandboxClock),
    faults: new FaultInjector(),
    counters: new CallCounters(),
    iam: new IamIdentities(),
    defaultScenario,
    scenario: "empty",
    pushCount: 0,
  };
}

/** Drop every account and region and IAM settings, and seed a scenario into the fresh state. Faults and counters stay. */
export function resetRuntime(runtime: SandboxRuntime, scenario: ScenarioName, options?: unknown): void {
  runtime.worlds.clear();
  runtime.iam.clear();
  seedScenario(runtime, scenario, options);
  runtime.scenario = scenario;
  runtime.pushCount = 0;
}
