// The one follower of this server process, started at server start (instrumentation-node.ts): it resumes
// the operations a restart left running and follows new ones as the verbs wake it. Kept on globalThis so
// Next's separately bundled instrumentation and routes share it. A database that does not answer at
// start-up is retried: the follower starts as soon as it does. Shutdown (lib/server/shutdown.ts) stops it
// through stopServerFollower, which gives its leases back.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AppConfig } from "@/lib/config";
import { logError } from "@/lib/observability";
import { processJob } from "@/lib/server/process-job";
import { storeWhenItAnswers } from "@/lib/store";
import { registerFollowerWake } from "../context";
import { Follower } from "./follower";

const job = processJob("follower", async (config: AppConfig, stopping): Promise<Follower | undefined> => {
  const store = await storeWhenItAnswers("follower", stopping);
  if (!store || stopping()) return undefined;
  const follower = new Follower({
    config,
    store,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    log: logError,
  });
  registerFollowerWake(() => follower.wake());
  follower.start();
  return follower;
});

export function startServerFollower(config: AppConfig): Promise<Follower | undefined> {
  return job.start(config);
}

/** Stops this process's follower (if it ever started) and releases its leases; resolves with how many. */
export async function stopServerFollower(): Promise<number> {
  const follower = await job.stopping();
  return follower ? follower.stop() : 0;
}
