// The ECS model of one account+region: clusters (with their services and tasks), task definitions, and
// the rollout simulator's clock. advanceTo() steps only services that have something in progress, at
// the exact sim times something happens, so jumping over days of stable history costs nothing.
import type { EcrRegionState, EcsRegionState } from "../core/operation";
import { AlarmStates, type AlarmState } from "./alarms";
import { clusterArn, lastSegment, type ArnScope } from "./arns";
import { clusterNotFound, serviceNotFound } from "./errors";
import { IdSource } from "./ids";
import { stepService } from "./rollout/step";
import type { SimContext } from "./rollout/task-lifecycle";
import { STOPPED_RETENTION_MS } from "./rollout/timings";
import { summarise } from "./snapshot";
import { TaskDefinitionRegistry } from "./task-definitions";
import type { Cluster, Service, Tag, Task } from "./types";

export class EcsRegion implements EcsRegionState {
  readonly account: string;
  readonly region: string;
  readonly scope: ArnScope;
  readonly ids: IdSource;
  readonly clusters = new Map<string, Cluster>();
  readonly taskDefinitions: TaskDefinitionRegistry;
  readonly sim: SimContext;
  readonly alarms = new AlarmStates();
  /** Sim time the state has been advanced to (epoch ms). */
  clock = 0;
  private readonly busy = new Set<Service>();
  /** Stopped tasks in stop order, dropped from their cluster once past the retention window. */
  private stopped: Task[] = [];

  constructor(opts: { account: string; region: string; ecr: EcrRegionState }) {
    this.account = opts.account;
    this.region = opts.region;
    this.scope = { account: opts.account, region: opts.region };
    this.ids = new IdSource(`${opts.account}/${opts.region}`);
    this.taskDefinitions = new TaskDefinitionRegistry(this.scope);
    this.sim = {
      scope: this.scope,
      ids: this.ids,
      ecr: opts.ecr,
      alarms: this.alarms,
      onStopped: (task) => this.stopped.push(task),
      wake: (service, now) => {
        service.steady = false;
        service.wakeAt = service.wakeAt === undefined ? now : Math.min(service.wakeAt, now);
        this.busy.add(service);
      },
    };
  }

  advanceTo(now: number): void {
    for (;;) {
      let next = Infinity;
      for (const service of this.busy) next = Math.min(next, service.wakeAt ?? Infinity);
      if (next > now) break;
      for (const service of [...this.busy]) {
        if (service.wakeAt !== undefined && service.wakeAt <= next) stepService(this.sim, service, next);
        if (service.wakeAt === undefined) this.busy.delete(service);
      }
    }
    this.clock = Math.max(this.clock, now);
    this.expireStoppedTasks();
  }

  private expireStoppedTasks(): void {
    let drop = 0;
    while (drop < this.stopped.length && (this.stopped[drop]?.stoppedAt ?? 0) + STOPPED_RETENTION_MS < this.clock) {
      const task = this.stopped[drop];
      if (task) task.cluster.tasks.delete(task.id);
      drop += 1;
    }
    if (drop > 0) this.stopped = this.stopped.slice(drop);
  }

  createCluster(name: string, tags: Tag[], now: number): Cluster {
    const existing = this.clusters.get(name);
    if (existing) return existing;
    const cluster: Cluster = { name, arn: clusterArn(this.scope, name), createdAt: now, tags, services: new Map(), tasks: new Map() };
    this.clusters.set(name, cluster);
    return cluster;
  }

  /** A `cluster` parameter (name or ARN, default `default`) → the cluster, or ClusterNotFoundException. */
  cluster(ref: string | undefined): Cluster {
    const cluster = this.clusters.get(lastSegment(ref ?? "default"));
    if (!cluster) throw clusterNotFound();
    return cluster;
  }

  /** A service name or ARN (long or short form) within `cluster`, or ServiceNotFoundException. */
  service(cluster: Cluster, ref: string): Service {
    const service = cluster.services.get(lastSegment(ref));
    if (!service) throw serviceNotFound();
    return service;
  }

  /** Set an alarm's state and wake every service whose deployment in progress watches it. */
  setAlarmState(name: string, state: AlarmState, now: number): void {
    this.alarms.set(name, state);
    for (const cluster of this.clusters.values()) {
      for (const service of cluster.services.values()) {
        const primary = service.deployments[0];
        if (primary?.record.deploymentConfiguration.alarms.alarmNames.includes(name)) this.sim.wake(service, now);
      }
    }
  }

  snapshot(): unknown {
    return summarise(this);
  }
}
