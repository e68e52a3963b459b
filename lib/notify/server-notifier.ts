// The notifications of this server process, started at server start (instrumentation-node.ts) next to
// the follower: the delivery worker and the watcher of outside ECS deployments. Kept on globalThis so
// Next's separately bundled instrumentation and routes share them; stopServerNotifier() is for the
// shutdown sequence (it stops claiming, waits for the sends under way and gives the leader lease back).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AppConfig } from "@/lib/config";
import { storeWhenItAnswers } from "@/lib/store";
import { registerNotifierWake } from "./enqueue";
import { EcsDeploymentWatcher } from "./ecs-watch";
import { notifySettings } from "./settings";
import { NotificationWorker } from "./worker";

export interface ServerNotifier {
  worker: NotificationWorker;
  watcher: EcsDeploymentWatcher;
  stop(): Promise<void>;
}

const KEY = Symbol.for("steady-state.notifier");
const holder = globalThis as typeof globalThis & { [KEY]?: Promise<ServerNotifier> };


async function start(config: AppConfig): Promise<ServerNotifier> {
  const store = await storeWhenItAnswers("notifications");
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = (message: string, error?: unknown) => console.error(message, error);
  const worker = new NotificationWorker({ store, targets: config.notifications, owner, log });
  const watcher = new EcsDeploymentWatcher({ config, store, settings: notifySettings(config), owner, log, enqueued: () => worker.wake() });
  registerNotifierWake(() => worker.wake());
  worker.start();
  watcher.start();
  return {
    worker,
    watcher,
    async stop() {
      registerNotifierWake(undefined);
      await Promise.all([worker.stop(), watcher.stop()]);
    },
  };
}

export function startServerNotifier(config: AppConfig): Promise<ServerNotifier> {
  holder[KEY] ??= start(config);
  return holder[KEY];
}

/** Stops this process's notifications if they were started; safe to call more than once. */
export async function stopServerNotifier(): Promise<void> {
  await (await holder[KEY])?.stop();
}
