// The Node.js half of instrumentation.ts, in its own module so that the Edge build of
// instrumentation never sees Node APIs such as process.exit.
import { ConfigError, getConfig } from "@/lib/config";
import * as aws from "@/lib/aws";
import { authStartupRefusal } from "@/lib/auth/startup-refusal";
import { startServerFollower } from "@/lib/deploy/follower/server-follower";
import { startServerNotifier } from "@/lib/notify/server-notifier";
import { storeAtStartup } from "@/lib/store";

function refuseToStart(reason: string): never {
  console.error(`Steady State cannot start: ${reason}`);
  process.exit(1);
}

export function startServer(): void {
  try {
    aws.prepareClients(getConfig());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    refuseToStart(error.message);
  }
  const refusal = authStartupRefusal(getConfig(), process.env);
  if (refusal) refuseToStart(refusal);
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
  void aws.checkAwsAccess(getConfig()).then((checks) => {
    for (const line of aws.describeAccessChecks(checks)) console.log(line);
  });
}
