// lib/notify: notifications of operations and of failed outside ECS deployments, through the store's outbox.
export { enqueueNotification, wakeNotifier } from "./enqueue";
export { notifySettings, dashboardLink, type NotifySettings } from "./settings";
export { NotificationWorker, type WorkerOptions } from "./worker";
export { EcsDeploymentWatcher, type WatchOptions } from "./ecs-watch";
export { startServerNotifier, stopServerNotifier, type ServerNotifier } from "./server-notifier";
