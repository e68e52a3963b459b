// The demo's 60 days as a list of timed events: CI pushes, production and staging deployments,
// config-only revisions, a revision clean-up, and at the end the two incidents of product.md.
import { archiveEvent } from "./demo-archive";
import { randomFindings } from "./findings";
import {
  DEMO_SERVICES,
  INACTIVE_AFTER_DAYS,
  LOG_ROUTER_REPOSITORY,
  MY_API_CRASHING_SHA,
  PAYMENTS_CRITICAL_FINDING,
  PAYMENTS_CRITICAL_SHA,
  STAGING_FAMILY_SUFFIX,
  type DemoServiceSpec,
} from "./demo-facts";
import type { DemoState } from "./demo-state";
import type { Rng } from "./prng";
import type { SeedDriver } from "./seed-driver";
import { repositoryUri } from "./task-definitions";

export interface SeedEvent {
  at: number;
  run(driver: SeedDriver, state: DemoState): void;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The special last build of a service, if it has one: when it lands and what it carries. */
const FINAL_BUILDS: Record<string, { sha: string; hoursBeforeEnd: number; crashing?: boolean; critical?: boolean }> = {
  "my-api": { sha: MY_API_CRASHING_SHA, hoursBeforeEnd: 3, crashing: true },
  payments: { sha: PAYMENTS_CRITICAL_SHA, hoursBeforeEnd: 8, critical: true },
};

export function demoHistory(rng: Rng, start: number, end: number): SeedEvent[] {
  const events: SeedEvent[] = [];
  for (let build = 0; build < 8; build += 1) {
    const sha = rng.hex(40);
    const findings = randomFindings(rng);
    events.push({
      at: start + HOUR + build * 7 * DAY,
      run: (driver, state) => {
        push(driver, LOG_ROUTER_REPOSITORY, sha, true, { findings });
        state.logRouterImage = `${repositoryUri(driver.account, driver.region, LOG_ROUTER_REPOSITORY)}:prod-${sha}`;
      },
    });
  }
  for (const service of DEMO_SERVICES) events.push(...serviceHistory(rng, service, start, end));
  events.push({ at: end - 2 * DAY, run: (driver, state) => state.deregisterOlderThan(driver, end - INACTIVE_AFTER_DAYS * DAY) });
  events.push(archiveEvent(end));
  return events;
}

function serviceHistory(rng: Rng, service: DemoServiceSpec, start: number, end: number): SeedEvent[] {
  const events: SeedEvent[] = [];
  const spacing = (end - start - DAY) / service.builds;
  const final = FINAL_BUILDS[service.name];
  for (let i = 0; i < service.builds; i += 1) {
    const last = i === service.builds - 1;
    const at = last && final ? end - final.hoursBeforeEnd * HOUR : start + 2 * HOUR + i * spacing + rng.int(0, Math.floor(spacing / 3));
    const sha = last && final ? final.sha : rng.hex(40);
    const promoted = i === 0 || last || rng.chance(0.33);
    const findings = randomFindings(rng);
    if (last && final?.critical) findings.push({ ...PAYMENTS_CRITICAL_FINDING });
    const options = { findings, crashing: last ? final?.crashing : undefined };
    const image = (driver: SeedDriver, tag: string) => `${repositoryUri(driver.account, driver.region, service.name)}:${tag}`;
    const production = {
      cluster: "production",
      service: service.name,
      family: service.name,
      desiredCount: service.desired,
      circuitBreaker: service.circuitBreaker,
      port: service.port,
      release: sha.slice(0, 7),
    };

    events.push({ at, run: (driver) => push(driver, service.name, sha, promoted, options) });
    if (promoted) {
      events.push({
        at: at + 30 * MINUTE,
        run: (driver, state) =>
          state.deploy(driver, {
            ...production,
            image: image(driver, `prod-${sha}`),
            sidecarImage: service.name === "my-api" ? state.logRouterImage : undefined,
          }),
      });
      if (!last && rng.chance(0.5)) {
        events.push({ at: at + 2 * HOUR, run: (driver, state) => state.reconfigure(driver, "production", service.name) });
      }
    }
    const stagingDesired = service.stagingDesired;
    if (stagingDesired !== undefined && !(last && final) && (i === 0 || rng.chance(0.4))) {
      events.push({
        at: at + 10 * MINUTE,
        run: (driver, state) =>
          state.deploy(driver, {
            ...production,
            cluster: "staging",
            family: `${service.name}${STAGING_FAMILY_SUFFIX}`,
            desiredCount: stagingDesired,
            image: image(driver, `sha-${sha.slice(0, 7)}`),
            sidecarImage: service.name === "my-api" ? state.logRouterImage : undefined,
          }),
      });
    }
  }
  // Build-cache leftovers: untagged, and young enough that the 1-day lifecycle rule has not expired them.
  for (const hoursAgo of [20, 6]) {
    events.push({
      at: end - hoursAgo * HOUR,
      run: (driver) => driver.world.ecr.pushImage({ repositoryName: service.name, tags: [], pushedAt: driver.now(), contentSeed: `${service.name}-cache-${hoursAgo}`, scanned: true }),
    });
  }
  return events;
}

/** A CI push: every build gets sha-<7> and latest; builds promoted to production also prod-<sha>. */
function push(
  driver: SeedDriver,
  repository: string,
  sha: string,
  promoted: boolean,
  extra: { findings: ReturnType<typeof randomFindings>; crashing?: boolean },
): void {
  const tags = [...(promoted ? [`prod-${sha}`] : []), `sha-${sha.slice(0, 7)}`, "latest"];
  driver.world.ecr.pushImage({
    repositoryName: repository,
    tags,
    pushedAt: driver.now(),
    contentSeed: sha,
    sizeInBytes: 40_000_000 + (parseInt(sha.slice(0, 6), 16) % 90_000_000),
    findings: extra.findings,
    scanned: true,
    crashing: extra.crashing,
  });
}
