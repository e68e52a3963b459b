// A background job of this server process (the follower, the notifier): started once, even though Next
// bundles instrumentation and the routes separately (so its handle lives on globalThis), and stoppable by
// the shutdown sequence at any time, including while the job still waits for the database to answer:
// `stopping()` tells its start to give up, and stop() hands back whatever did start.
interface JobState<T> {
  started: Promise<T | undefined>;
  stopping: boolean;
}

export interface ProcessJob<T, A> {
  /** Starts the job with `arg` the first time; every call resolves with the same handle (undefined if it gave up). */
  start(arg: A): Promise<T | undefined>;
  /** Marks the job as stopping and resolves with its handle for the caller to stop (undefined if it never started). */
  stopping(): Promise<T | undefined>;
}

export function processJob<T, A>(name: string, start: (arg: A, stopping: () => boolean) => Promise<T | undefined>): ProcessJob<T, A> {
  const key = Symbol.for(`steady-state.${name}`);
  const holder = globalThis as typeof globalThis & { [key: symbol]: JobState<T> | undefined };
  return {
    start(arg) {
      let state = holder[key];
      if (!state) {
        const fresh: JobState<T> = { started: Promise.resolve(undefined), stopping: false };
        fresh.started = start(arg, () => fresh.stopping);
        holder[key] = state = fresh;
      }
      return state.started;
    },
    async stopping() {
      const state = holder[key];
      if (!state) return undefined;
      state.stopping = true;
      return state.started;
    },
  };
}
