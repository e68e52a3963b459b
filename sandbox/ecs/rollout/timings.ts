// Fixed simulated durations of the task lifecycle. AWS gives no numbers beyond "healthy 40 s after
// RUNNING without health checks" (aws-behaviour.md §3.3), so the rest are emulator choices.

/** Emulator choice: PROVISIONING lasts 2 s (ENI attachment on Fargate). */
export const PROVISIONING_MS = 2_000;
/** Emulator choice: PENDING (image pull and container start) lasts 5 s; failures surface at its end. */
export const PENDING_MS = 5_000;
/** A task without load balancer or health check counts as healthy 40 s after RUNNING (§3.3). */
export const HEALTHY_AFTER_MS = 40_000;
/** Emulator choice: DEACTIVATING 2 s, STOPPING 5 s (the app exits on SIGTERM), DEPROVISIONING 3 s. */
export const DEACTIVATING_MS = 2_000;
export const STOPPING_MS = 5_000;
export const DEPROVISIONING_MS = 3_000;
/** Emulator choice: stopped tasks stay describable (and listed as STOPPED) for exactly one hour, AWS's minimum (§2.4). */
export const STOPPED_RETENTION_MS = 60 * 60_000;

/**
 * Emulator choice for ECS's service throttle logic: after 10 consecutive start failures the scheduler
 * waits 30 s before the next launch, doubling per failure up to 15 minutes. This also keeps a service
 * that crash-loops without a circuit breaker cheap to simulate across days of sim time.
 */
export function launchBackoffMs(consecutiveFailures: number): number {
  if (consecutiveFailures < 10) return 0;
  return Math.min(30_000 * 2 ** (consecutiveFailures - 10), 15 * 60_000);
}
