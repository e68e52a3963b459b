// CloudWatch alarm states as deployment alarms see them. The sandbox has no CloudWatch: the control API
// (POST /_sandbox/alarms) sets a state, and an alarm nobody set is OK.
export type AlarmState = "OK" | "ALARM";

export class AlarmStates {
  private readonly states = new Map<string, AlarmState>();

  state(name: string): AlarmState {
    return this.states.get(name) ?? "OK";
  }

  set(name: string, state: AlarmState): void {
    if (state === "OK") this.states.delete(name);
    else this.states.set(name, state);
  }

  /** The names in ALARM, in the order the deployment configuration lists them. */
  firing(names: readonly string[]): string[] {
    return names.filter((name) => this.state(name) === "ALARM");
  }

  snapshot(): Record<string, AlarmState> {
    return Object.fromEntries([...this.states].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
