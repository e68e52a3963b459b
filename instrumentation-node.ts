// The Node.js half of instrumentation.ts, in its own module so that the Edge build of
// instrumentation never sees Node APIs such as process.exit.
import { ConfigError, getConfig } from "@/lib/config";
import * as aws from "@/lib/aws";
import { authStartupRefusal } from "@/lib/auth/startup-refusal";
import { startServerFollower } from "@/lib/deploy/follower/server-follower";
import { getStore } from "@/lib/store";

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
  // Migrate now rather than on the first change. A DATABASE_URL we cannot use stops start-up like a bad
  // configuration; an unreachable database is logged, and changes are refused until it answers (the read
  // side does not need it).
  getStore().catch((error: unknown) => {
    if (error instanceof ConfigError) refuseToStart(error.message);
    console.error(`Steady State's database is unavailable (changes are refused until it answers): ${String(error)}`);
  });
  // The follower resumes every operation a restart (or a dead replica) left running, once the database answers.
  void startServerFollower(getConfig());
  // In the background: start-up must not wait for AWS, and an unreachable AWS is reported, not fatal.
  void aws.checkAwsAccess(getConfig()).then((checks) => {
    for (const line of aws.describeAccessChecks(checks)) console.log(line);
  });
}
