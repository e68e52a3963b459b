// What the demo replay remembers while it runs: registered revisions, which services exist and what
// they run. Events read it when they execute, so a later event always deploys on top of the real state.
import type { SeedDriver } from "./seed-driver";
import { createServiceInput, taskDefinitionInput } from "./task-definitions";

export interface DeploySpec {
  cluster: string;
  service: string;
  family: string;
  desiredCount: number;
  circuitBreaker: boolean;
  image: string;
  release: string;
  port?: number;
  sidecarImage?: string;
  logLevel?: string;
}

export class DemoState {
  /** Registered revisions per family, oldest first. */
  readonly revisions = new Map<string, Array<{ arn: string; registeredAt: number }>>();
  /** The last deployment made per cluster/service, so config-only changes keep its image. */
  readonly current = new Map<string, DeploySpec & { arn: string }>();
  logRouterImage = "";

  /** Register a revision and roll it out: CreateService the first time, UpdateService afterwards. */
  deploy(driver: SeedDriver, spec: DeploySpec): void {
    const registered = driver.ecs(
      "RegisterTaskDefinition",
      taskDefinitionInput({ ...spec, account: driver.account, region: driver.region, logLevel: spec.logLevel ?? "info" }),
    );
    const arn = (registered.taskDefinition as { taskDefinitionArn: string }).taskDefinitionArn;
    const family = this.revisions.get(spec.family) ?? [];
    family.push({ arn, registeredAt: driver.now() });
    this.revisions.set(spec.family, family);

    const key = `${spec.cluster}/${spec.service}`;
    if (this.current.has(key)) {
      driver.ecs("UpdateService", { cluster: spec.cluster, service: spec.service, taskDefinition: arn });
    } else {
      driver.ecs("CreateService", createServiceInput({ ...spec, taskDefinition: arn }));
    }
    this.current.set(key, { ...spec, arn });
  }

  /** A config-only revision (log level flip) of whatever the service runs now. */
  reconfigure(driver: SeedDriver, cluster: string, service: string): void {
    const running = this.current.get(`${cluster}/${service}`);
    if (!running) return;
    this.deploy(driver, { ...running, logLevel: running.logLevel === "debug" ? "info" : "debug" });
  }

  /** Deregister every revision registered before `cutoff` that no service was last deployed with. */
  deregisterOlderThan(driver: SeedDriver, cutoff: number): void {
    const inUse = new Set([...this.current.values()].map((deployment) => deployment.arn));
    for (const revisions of this.revisions.values()) {
      for (const revision of revisions) {
        if (revision.registeredAt < cutoff && !inUse.has(revision.arn)) {
          driver.ecs("DeregisterTaskDefinition", { taskDefinition: revision.arn });
        }
      }
    }
  }
}
