// The one follower of this server process, started at server start (instrumentation-node.ts): it resumes
// the operations a restart left running and follows new ones as the verbs wake it. Kept on globalThis so
// Next's separately bundled instrumentation and routes share it.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AppConfig } from "@/lib/config";
import { getStore } from "@/lib/store";
import { registerFollowerWake } from "../context";
import { Follower } from "./follower";

const KEY = Symbol.for("steady-state.follower");
const holder = globalThis as typeof globalThis & { [KEY]?: Follower };

export async function startServerFollower(config: AppConfig): Promise<Follower> {
  const existing = holder[KEY];
  if (existing) return existing;
  const follower = new Follower({
    config,
    store: await getStore(),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    log: (message, error) => console.error(message, error),
  });
  holder[KEY] = follower;
  registerFollowerWake(() => follower.wake());
  follower.start();
  const stop = () => void follower.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return follower;
}
