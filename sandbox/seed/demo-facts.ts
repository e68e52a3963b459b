// Stable facts of the demo scenario (product.md, "The sandbox and the demo"), shared by the seed and the
// tests that assert it. Everything else in the demo is derived from these and a fixed PRNG seed.
export const DEMO_ACCOUNT = "123456789012";
export const DEMO_REGION = "ap-south-1";
export const DEMO_HISTORY_DAYS = 60;
export const DEMO_PRNG_SEED = 20_261_125;

export const DEMO_CLUSTERS = ["production", "staging"] as const;
export type DemoCluster = (typeof DEMO_CLUSTERS)[number];

export interface DemoServiceSpec {
  name: string;
  /** Desired count in production; staging runs `stagingDesired` or is absent when undefined. */
  desired: number;
  stagingDesired?: number;
  /** Circuit breaker with rollback on, or no breaker at all. */
  circuitBreaker: boolean;
  /** Listens on a port (a worker does not). */
  port?: number;
  /** CI builds over the 60 days; about a third are promoted to production. */
  builds: number;
}

export const DEMO_SERVICES: readonly DemoServiceSpec[] = [
  { name: "my-api", desired: 4, stagingDesired: 2, circuitBreaker: true, port: 8080, builds: 66 },
  { name: "web", desired: 6, stagingDesired: 1, circuitBreaker: true, port: 3000, builds: 58 },
  { name: "worker", desired: 2, stagingDesired: 1, circuitBreaker: false, builds: 47 },
  { name: "payments", desired: 3, stagingDesired: 1, circuitBreaker: true, port: 8443, builds: 52 },
  { name: "notifications", desired: 1, circuitBreaker: false, port: 8081, builds: 41 },
];

export const DEMO_SERVICE_NAMES = DEMO_SERVICES.map((service) => service.name);
export const DEMO_STAGING_SERVICE_NAMES = DEMO_SERVICES.filter((service) => service.stagingDesired !== undefined).map(
  (service) => service.name,
);

/** my-api's app image sidecar: a FireLens log router built by the same CI into its own repository. */
export const LOG_ROUTER_REPOSITORY = "log-router";
export const DEMO_REPOSITORIES = [...DEMO_SERVICE_NAMES, LOG_ROUTER_REPOSITORY];
/** The service repositories hold this many images after 60 days of pushes and lifecycle expiry. */
export const DEMO_IMAGES_PER_REPOSITORY = { min: 30, max: 80 } as const;
/** Inspector (ENHANCED) scanning; every other repository uses basic scan on push. */
export const ENHANCED_SCAN_REPOSITORY = "notifications";

/** Production task-definition families are named like the service; staging ones get this suffix. */
export const STAGING_FAMILY_SUFFIX = "-staging";
/** Revisions registered longer ago than this are deregistered (INACTIVE) by the seed's cleanup. */
export const INACTIVE_AFTER_DAYS = 30;

/** The incident: the newest my-api image exits at start; the rollout to it was rolled back. */
export const MY_API_CRASHING_SHA = "c0ffee15dead0b5e55ed5a1e7000000000decade";
export const MY_API_CRASHING_TAG = `prod-${MY_API_CRASHING_SHA}`;

/** Production payments runs this image, whose scan reports a CRITICAL finding. */
export const PAYMENTS_CRITICAL_SHA = "5ecbad0000c0de5eccca11ab1e0000000000f1a9";
export const PAYMENTS_CRITICAL_TAG = `prod-${PAYMENTS_CRITICAL_SHA}`;
export const PAYMENTS_CRITICAL_FINDING = {
  id: "CVE-2024-6387",
  severity: "CRITICAL",
  packageName: "openssh",
  packageVersion: "1:9.6p1-3",
  fixedInVersion: "1:9.6p1-3ubuntu13.3",
  description: "regreSSHion: a signal handler race condition in sshd allows unauthenticated remote code execution.",
} as const;

/**
 * An older prod- image of payments (the third-newest three days before the end, no longer run anywhere)
 * that was archived then: it is listed only with `filter.imageStatus` ARCHIVED or ANY, and a rollback to
 * it fails with CannotPullContainerError.
 */
export const PAYMENTS_ARCHIVED_TAG = "prod-0c1fbcd8dfb386428da394fa7417fc3781111c20";
export const PAYMENTS_ARCHIVED_DIGEST = "sha256:ea466b31f00a90a31aa98e19852e2d39d55856aebdf6f2be91fc26518db731f6";
export const PAYMENTS_ARCHIVED_DAYS_BEFORE_END = 3;

/** The lifecycle policy on every demo repository (product.md): keep 10 prod images, untagged for a day. */
export const DEMO_LIFECYCLE_POLICY = {
  rules: [
    {
      rulePriority: 1,
      description: "Keep the last 10 prod images",
      selection: { tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: 10 },
      action: { type: "expire" },
    },
    {
      rulePriority: 2,
      description: "Expire untagged images after 1 day",
      selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 },
      action: { type: "expire" },
    },
  ],
} as const;

/** Production web deploys BLUE_GREEN: both revisions stay up this long after traffic moves (2 wall minutes at the demo's 2×). */
export const DEMO_BLUE_GREEN = { cluster: "production", service: "web", bakeTimeInMinutes: 4 } as const;

/**
 * Production worker watches this deployment alarm (rollback on). It is OK until
 * `POST /_sandbox/alarms {"alarmName": "worker-queue-depth-high", "state": "ALARM"}` says otherwise.
 */
export const DEMO_DEPLOYMENT_ALARM = { cluster: "production", service: "worker", alarmName: "worker-queue-depth-high", rollback: true } as const;
