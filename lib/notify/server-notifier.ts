// The notifications of this server process, started at server start (instrumentation-node.ts) next to
// the follower: the delivery worker and the watcher of outside ECS deployments. Kept on globalThis so
// Next's separately bundled instrumentation and routes share them; stopServerNotifier() is for the
// shutdown sequence (it stops claiming, waits for the sends under way and gives the leader lease back).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AppConfig } from "@/lib/config";
import { logError } from "@/lib/observability";
import { processJob } from "@/lib/server/process-job";
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

const job = processJob("notifier", async (config: AppConfig, stopping): Promise<ServerNotifier | undefined> => {
  const store = await storeWhenItAnswers("notifications", stopping);
  if (!store || stopping()) return undefined;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const worker = new NotificationWorker({ store, targets: config.notifications, owner, log: logError });
  const watcher = new EcsDeploymentWatcher({ config, store, settings: notifySettings(config), owner, log: logError, enqueued: () => worker.wake() });
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
});

export function startServerNotifier(config: AppConfig): Promise<ServerNotifier | undefined> {
  return job.start(config);
}

/** Stops this process's notifications if they were started (or stops waiting for the database); safe to call more than once. */
export async function stopServerNotifier(): Promise<void> {
  await (await job.stopping())?.stop();
}
