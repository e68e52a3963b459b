// The watcher of ECS deployments made outside the dashboard (CI, the console): one replica at a time
// (the "ecs-watch" leader lease; another takes over within the lease's TTL if it dies) asks ECS every
// intervalMs, per service of every configured cluster, for deployments that ended ROLLBACK_SUCCESSFUL or
// ROLLBACK_FAILED (the circuit breaker or an alarm caught them), and enqueues each one that is not one of
// our operations. Cost: one ListServiceDeployments per service per interval (status-filtered, created in
// the last 24 h, so a page or two), made by the leader only, plus the cluster's service list that the
// overview caches anyway. Only deployments that finished within the last hour are enqueued, so a first
// start does not replay a day of history; the outbox's unique key makes every later pass a no-op.
import { awsRuntime, envScope, listClusterNames, listClusterServices, listServiceDeploymentsFresh, type EnvScope } from "@/lib/aws";
import type { AppConfig } from "@/lib/config";
import { TickLoop } from "@/lib/server/tick-loop";
import type { ServiceDeploymentSummary } from "@/lib/domain/types";
import { holdLeadership, operationsOfServiceDeployments, releaseLeadership, type Store } from "@/lib/store";
import { ecsDeploymentEvent } from "./ecs-event";
import { enqueueNotification } from "./enqueue";
import type { NotifySettings } from "./settings";

export const WATCH_LEASE = "ecs-watch";
export const DEFAULT_WATCH_INTERVAL_MS = 60_000;
const CREATED_WITHIN_MS = 24 * 3_600_000;
const FINISHED_WITHIN_MS = 3_600_000;
const WATCHED = ["ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"];

export interface WatchOptions {
  config: AppConfig;
  store: Store;
  settings: NotifySettings;
  owner: string;
  intervalMs?: number;
  /** Only deployments that finished this recently are enqueued (default an hour). */
  finishedWithinMs?: number;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /** After a pass that enqueued something (the server wakes its worker). */
  enqueued?: () => void;
}

interface Found {
  env: string;
  cluster: string;
  service: string;
  deployment: ServiceDeploymentSummary;
}

async function endedBadly(scope: EnvScope, now: Date, finishedWithinMs: number, log: WatchOptions["log"]): Promise<Found[]> {
  const found: Found[] = [];
  const clusters = await listClusterNames(scope);
  await Promise.all(
    clusters.map(async (cluster) => {
      const services = await listClusterServices(scope, cluster);
      await Promise.all(
        services.map(async ({ name: service }) => {
          const deployments = await listServiceDeploymentsFresh(scope, { cluster, service, status: WATCHED, createdAfter: new Date(now.getTime() - CREATED_WITHIN_MS) }).catch((error: unknown) => {
            log?.(`notifications: could not list the deployments of ${scope.env.id}/${cluster}/${service}`, error);
            return [];
          });
          for (const deployment of deployments) {
            const finished = deployment.finishedAt ?? deployment.createdAt;
            if (finished && now.getTime() - finished.getTime() <= finishedWithinMs) found.push({ env: scope.env.id, cluster, service, deployment });
          }
        }),
      );
    }),
  );
  return found;
}

export class EcsDeploymentWatcher {
  private readonly loop: TickLoop;

  constructor(private readonly opts: WatchOptions) {
    this.loop = new TickLoop(
      () => this.tick(),
      () => this.opts.intervalMs ?? DEFAULT_WATCH_INTERVAL_MS,
      (error) => this.opts.log?.("notifications: watching ECS deployments failed", error),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Stops watching and gives the leader lease back so another replica takes over at once. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await releaseLeadership(this.opts.store.db, WATCH_LEASE, this.opts.owner).catch(() => undefined);
  }

  /** One pass: lead or do nothing; returns how many deliveries it enqueued. */
  async tick(): Promise<number> {
    const { config, store, settings, owner } = this.opts;
    const now = this.opts.now?.() ?? new Date();
    const intervalMs = this.opts.intervalMs ?? DEFAULT_WATCH_INTERVAL_MS;
    if (!(await holdLeadership(store.db, WATCH_LEASE, { owner, now, ttlMs: 3 * intervalMs }))) return 0;
    if (settings.targets.length === 0) return 0;
    const rt = awsRuntime(config);
    const found = (await Promise.all(config.environments.map((env) => endedBadly(envScope(rt, env), now, this.opts.finishedWithinMs ?? FINISHED_WITHIN_MS, this.opts.log).catch((error: unknown) => {
      this.opts.log?.(`notifications: could not read the clusters of ${env.id}`, error);
      return [];
    })))).flat();
    const ours = await operationsOfServiceDeployments(store.db, found.map((f) => f.deployment.arn));
    let enqueued = 0;
    for (const f of found) {
      if (ours.has(f.deployment.arn)) continue;
      enqueued += await enqueueNotification(store.db, settings, ecsDeploymentEvent(settings, f, f.deployment, now), now);
    }
    if (enqueued > 0) this.opts.enqueued?.();
    return enqueued;
  }
}
