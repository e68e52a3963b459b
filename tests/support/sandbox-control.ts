// A typed client for the sandbox control API (/_sandbox/*), used by tests and benchmarks.
import type { SeedFinding } from "../../sandbox/core/operation";
import type { CountersSnapshot as Counters } from "../../sandbox/faults/counters";
import type { FaultSpec } from "../../sandbox/faults/spec";
import type { IamSettings } from "../../sandbox/iam/identities";
import type { ClockState } from "../../sandbox/world/clock";

export type { ClockState, Counters, FaultSpec, IamSettings, SeedFinding };

export interface PushSpec {
  repository: string;
  sha?: string;
  findings?: SeedFinding[];
  crashing?: boolean;
}

export interface PushResult {
  repository: string;
  sha: string;
  digest: string;
  tags: string[];
}

/** The error a control call answered with (status and the sandbox's {error} message). */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class SandboxControl {
  constructor(
    private readonly endpoint: string,
    /** Query appended to every call, e.g. { account: "111122223333", region: "eu-west-1" }. */
    private readonly scope: { account?: string; region?: string } = {},
  ) {}

  /** The same control API aimed at another account and/or region. */
  forScope(scope: { account?: string; region?: string }): SandboxControl {
    return new SandboxControl(this.endpoint, scope);
  }

  reset(scenario?: "empty" | "demo" | "scale"): Promise<{ scenario: string; clock: ClockState }> {
    return this.call("POST", "/_sandbox/reset", scenario ? { scenario } : {});
  }

  seed(scenario: "empty" | "demo" | "scale", options?: object): Promise<{ scenario: string; clock: ClockState }> {
    return this.call("POST", "/_sandbox/seed", { scenario, options });
  }

  advance(ms: number): Promise<ClockState> {
    return this.call("POST", "/_sandbox/clock", { advanceMs: ms });
  }

  freeze(): Promise<ClockState> {
    return this.call("POST", "/_sandbox/clock", { freeze: true });
  }

  resume(): Promise<ClockState> {
    return this.call("POST", "/_sandbox/clock", { resume: true });
  }

  async now(): Promise<number> {
    return (await this.call<ClockState>("GET", "/_sandbox/clock")).now;
  }

  setFaults(spec: FaultSpec): Promise<{ faults: FaultSpec }> {
    return this.call("PUT", "/_sandbox/faults", spec);
  }

  clearFaults(): Promise<{ faults: null }> {
    return this.call("DELETE", "/_sandbox/faults");
  }

  /** Restrict access keys to allowed actions; keys not named may still do everything. */
  setIam(settings: IamSettings): Promise<{ iam: IamSettings }> {
    return this.call("PUT", "/_sandbox/iam", settings);
  }

  clearIam(): Promise<{ iam: null }> {
    return this.call("DELETE", "/_sandbox/iam");
  }

  push(spec: PushSpec): Promise<PushResult> {
    return this.call("POST", "/_sandbox/push", spec);
  }

  markCrashing(spec: { repository: string; image: string; crashing: boolean }): Promise<{ digest: string }> {
    return this.call("POST", "/_sandbox/crash", spec);
  }

  /** Set a CloudWatch alarm's state as deployment alarms see it (POST /_sandbox/alarms). */
  setAlarm(alarmName: string, state: "OK" | "ALARM"): Promise<{ alarmName: string; state: string }> {
    return this.call("POST", "/_sandbox/alarms", { alarmName, state });
  }

  counters(): Promise<Counters> {
    return this.call("GET", "/_sandbox/counters");
  }

  resetCounters(): Promise<Counters> {
    return this.call("DELETE", "/_sandbox/counters");
  }

  /** The models' snapshots; their shape belongs to sandbox/ecs and sandbox/ecr. */
  state(): Promise<Record<string, unknown>> {
    return this.call("GET", "/_sandbox/state");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.endpoint);
    if (this.scope.account) url.searchParams.set("account", this.scope.account);
    if (this.scope.region) url.searchParams.set("region", this.scope.region);
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json()) as unknown;
    if (!response.ok) {
      const message = (payload as { error?: string }).error ?? response.statusText;
      throw new SandboxControlError(response.status, `${method} ${path} → ${response.status}: ${message}`);
    }
    return payload as T;
  }
}
