// The one follower of this server process, started at server start (instrumentation-node.ts): it resumes
// the operations a restart left running and follows new ones as the verbs wake it. Kept on globalThis so
// Next's separately bundled instrumentation and routes share it. A database that does not answer at
// start-up is retried: the follower starts as soon as it does.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AppConfig } from "@/lib/config";
import { log, logError } from "@/lib/observability";
import { getStore } from "@/lib/store";
import { registerFollowerWake } from "../context";
import { Follower } from "./follower";

const KEY = Symbol.for("steady-state.follower");
const holder = globalThis as typeof globalThis & { [KEY]?: Promise<Follower> };
const STORE_RETRY_MS = 5000;

async function storeWhenItAnswers(): Promise<Awaited<ReturnType<typeof getStore>>> {
  for (;;) {
    try {
      return await getStore();
    } catch (error) {
      log().error({ err: error }, `follower: the database does not answer; retrying in ${STORE_RETRY_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS).unref());
    }
  }
}

async function start(config: AppConfig): Promise<Follower> {
  const follower = new Follower({
    config,
    store: await storeWhenItAnswers(),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    log: logError,
  });
  registerFollowerWake(() => follower.wake());
  follower.start();
  const stop = () => void follower.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return follower;
}

export function startServerFollower(config: AppConfig): Promise<Follower> {
  holder[KEY] ??= start(config);
  return holder[KEY];
}
