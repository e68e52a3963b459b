// The one follower of this server process, started at server start (instrumentation-node.ts): it resumes
// the operations a restart left running and follows new ones as the verbs wake it. Kept on globalThis so
// Next's separately bundled instrumentation and routes share it. A database that does not answer at
// start-up is retried: the follower starts as soon as it does. Shutdown (lib/server/shutdown.ts) stops it
// through stopServerFollower, which gives its leases back.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AppConfig } from "@/lib/config";
import { logError } from "@/lib/observability";
import { storeWhenItAnswers } from "@/lib/store";
import { registerFollowerWake } from "../context";
import { Follower } from "./follower";

interface ServerFollower {
  started: Promise<Follower | undefined>;
  stopping: boolean;
}

const KEY = Symbol.for("steady-state.follower");
const holder = globalThis as typeof globalThis & { [KEY]?: ServerFollower };

async function start(config: AppConfig, state: ServerFollower): Promise<Follower | undefined> {
  const store = await storeWhenItAnswers("follower", () => state.stopping);
  if (!store || state.stopping) return undefined;
  const follower = new Follower({
    config,
    store,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    log: logError,
  });
  registerFollowerWake(() => follower.wake());
  follower.start();
  return follower;
}

export function startServerFollower(config: AppConfig): Promise<Follower | undefined> {
  if (!holder[KEY]) {
    const state: ServerFollower = { started: Promise.resolve(undefined), stopping: false };
    state.started = start(config, state);
    holder[KEY] = state;
  }
  return holder[KEY].started;
}

/** Stops this process's follower (if it ever started) and releases its leases; resolves with how many. */
export async function stopServerFollower(): Promise<number> {
  const state = holder[KEY];
  if (!state) return 0;
  state.stopping = true;
  const follower = await state.started;
  return follower ? follower.stop() : 0;
}
