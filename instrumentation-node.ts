// The Node.js half of instrumentation.ts, in its own module so that the Edge build of
// instrumentation never sees Node APIs such as process.exit.
import { ConfigError, getConfig } from "@/lib/config";
import * as aws from "@/lib/aws";
import { authStartupRefusal } from "@/lib/auth/startup-refusal";
import { startServerFollower, stopServerFollower } from "@/lib/deploy/follower/server-follower";
import { startServerNotifier, stopServerNotifier } from "@/lib/notify/server-notifier";
import { closeAllConnections, inFlightAfter, stopAccepting, trackHttpRequests } from "@/lib/server/in-flight";
import { shutDownOnSignals } from "@/lib/server/shutdown";
import { log, observabilitySettings, type ObservabilitySettings } from "@/lib/observability";
import { startAccessLog } from "@/lib/observability/access-log";
import { startMetricsServer } from "@/lib/observability/metrics-server";
import { closeServerStore, storeAtStartup } from "@/lib/store";

// SIGTERM/SIGINT hand this replica's work over before it exits (lib/server/shutdown.ts). Next handles
// them itself unless NEXT_MANUAL_SIG_HANDLE is set, and then exits without waiting for us.
function ownShutdown(): void {
  // `next dev` stops its worker itself; only a production server needs Next's handler off.
  if (!process.env.NEXT_MANUAL_SIG_HANDLE && process.env.NODE_ENV === "production") {
    log().warn("NEXT_MANUAL_SIG_HANDLE is not set: Next.js exits on SIGTERM by itself, so this server may stop before releasing its follower leases (npm start and the Dockerfile set it)");
  }
  trackHttpRequests();
  shutDownOnSignals({
    stopAccepting,
    // The notifier stops beside the follower: sends under way finish, its leader lease is given back.
    stopFollower: async () => (await Promise.all([stopServerFollower(), stopServerNotifier()]))[0],
    inFlightAfter,
    closeAllConnections,
    closeStore: closeServerStore,
    log: (line) => log().info(line),
    exit: (code) => process.exit(code),
  });
}

// A plain line on stderr, not a JSON log line: it must read well in a terminal and in ECS's stopped-task
// reason, and it is also what a bad LOG_LEVEL itself produces.
function refuseToStart(reason: string): never {
  console.error(`Steady State cannot start: ${reason}`);
  process.exit(1);
}

function checkedSettings(): ObservabilitySettings {
  try {
    return observabilitySettings(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    refuseToStart(error.message);
  }
}

function logAccessChecks(checks: readonly aws.AccessCheck[]): void {
  for (const envId of new Set(checks.map((check) => check.envId))) {
    const mine = checks.filter((check) => check.envId === envId);
    for (const line of aws.describeAccessChecks(mine)) {
      if (mine.some((check) => check.error)) log().warn({ env: envId }, line);
      else log().info({ env: envId }, line);
    }
  }
}

export function startServer(): void {
  const settings = checkedSettings();
  startAccessLog();
  try {
    aws.prepareClients(getConfig());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    refuseToStart(error.message);
  }
  const refusal = authStartupRefusal(getConfig(), process.env);
  if (refusal) refuseToStart(refusal);
  // Metrics on their own port, never the dashboard's (docs/operations.md); a port in use stops start-up.
  if (settings.metricsPort !== undefined) {
    const port = settings.metricsPort;
    startMetricsServer(port).then(
      () => log().info({ metricsPort: port }, `metrics: serving /metrics on port ${port}`),
      (error: unknown) => refuseToStart(`METRICS_PORT: cannot serve metrics on port ${port}: ${(error as { code?: string }).code ?? String(error)}`),
    );
  }
  ownShutdown();
  // Migrate now rather than on the first change. A DATABASE_URL we cannot use, or a database that does not
  // answer at start-up, stops start-up naming DATABASE_URL (lib/store/startup.ts); a later outage does not.
  storeAtStartup(process.env.DATABASE_URL).catch((error: unknown) => {
    refuseToStart(error instanceof ConfigError ? error.message : `the operations database failed: ${String(error)}`);
  });
  // The follower resumes every operation a restart (or a dead replica) left running, once the database answers.
  void startServerFollower(getConfig());
  // Notifications: the outbox's delivery worker and the watcher of outside ECS deployments (leader only).
  void startServerNotifier(getConfig());
  // In the background: start-up must not wait for AWS, and an unreachable AWS is reported, not fatal.
  void aws.checkAwsAccess(getConfig()).then(logAccessChecks);
}
