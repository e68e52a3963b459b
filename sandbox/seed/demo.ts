// The demo scenario of product.md, replayed through the real operations over 60 sandbox days so that
// every timestamp, revision number, expired image and rolled-back deployment really happened.
import { DEMO_ACCOUNT, DEMO_BLUE_GREEN, DEMO_CLUSTERS, DEMO_DEPLOYMENT_ALARM, DEMO_HISTORY_DAYS, DEMO_LIFECYCLE_POLICY, DEMO_PRNG_SEED, DEMO_REGION, DEMO_REPOSITORIES, ENHANCED_SCAN_REPOSITORY } from "./demo-facts";
import { demoHistory } from "./demo-history";
import { DemoState } from "./demo-state";
import { Rng } from "./prng";
import { SeedDriver, type SeedTarget } from "./seed-driver";

const DAY = 24 * 3600 * 1000;

export function seedDemo(target: SeedTarget): void {
  const end = target.clock.now();
  const start = end - DEMO_HISTORY_DAYS * DAY;
  SeedDriver.replay(target, { account: DEMO_ACCOUNT, region: DEMO_REGION, startAt: start }, (driver) => {
    createInfrastructure(driver);
    const state = new DemoState();
    const events = demoHistory(Rng.seeded(DEMO_PRNG_SEED), start, end)
      .map((event, order) => ({ event, order }))
      .sort((a, b) => a.event.at - b.event.at || a.order - b.order);
    for (const { event } of events) {
      driver.moveTo(event.at);
      event.run(driver, state);
    }
    // Let the last rollouts (and the crashing my-api one's circuit breaker and rollback) play out.
    driver.moveTo(end);
    configureWriteSide(driver);
  });
}

/**
 * Set at the end of the history, as configuration-only UpdateService calls (they start no deployment),
 * so the 60 days replay exactly as before and the next deployment of each service uses them.
 */
function configureWriteSide(driver: SeedDriver): void {
  const { cluster, service, bakeTimeInMinutes } = DEMO_BLUE_GREEN;
  driver.ecs("UpdateService", { cluster, service, deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes } });
  const alarm = DEMO_DEPLOYMENT_ALARM;
  driver.ecs("UpdateService", {
    cluster: alarm.cluster,
    service: alarm.service,
    deploymentConfiguration: { alarms: { alarmNames: [alarm.alarmName], enable: true, rollback: alarm.rollback } },
  });
}

function createInfrastructure(driver: SeedDriver): void {
  for (const clusterName of DEMO_CLUSTERS) driver.ecs("CreateCluster", { clusterName });
  for (const repositoryName of DEMO_REPOSITORIES) {
    driver.ecr("CreateRepository", { repositoryName, imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "MUTABLE" });
    driver.ecr("PutLifecyclePolicy", { repositoryName, lifecyclePolicyText: JSON.stringify(DEMO_LIFECYCLE_POLICY) });
  }
  driver.world.ecr.setScanType(ENHANCED_SCAN_REPOSITORY, "ENHANCED");
}
