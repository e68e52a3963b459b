// Whether this replica should get traffic (GET /api/ready, the load balancer's target health): the
// configuration is valid, the operations database answers, and the process is not shutting down. The store
// check is one trivial query with a deadline, so a hung database makes the probe answer 503 in time
// instead of hanging the probe; nothing is cached, so the answer turns 200 the moment the database is back.
// The route is open, so the problems say which check failed and nothing more; the log has the details.
import { ConfigError, getConfig } from "@/lib/config";
import { log, observabilitySettings } from "@/lib/observability";
import { drainingSince } from "@/lib/server/draining";
import { assertReachable, getStore } from "@/lib/store";

export const STORE_CHECK_TIMEOUT_MS = 2_000;

export type ReadinessCheck = "shutdown" | "configuration" | "store";

export interface Readiness {
  ready: boolean;
  problems: Array<{ check: ReadinessCheck; message: string }>;
}

class TimedOut extends Error {}

async function storeAnswers(timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([getStore().then(assertReachable), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function configurationProblem(): string | undefined {
  try {
    getConfig();
    observabilitySettings(process.env);
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log().error({ err: error }, "readiness: the configuration is not valid");
    return "the configuration is not valid (the server log names the field)";
  }
}

export async function readiness(timeoutMs = STORE_CHECK_TIMEOUT_MS): Promise<Readiness> {
  const problems: Readiness["problems"] = [];
  const since = drainingSince();
  if (since) problems.push({ check: "shutdown", message: `shutting down since ${since.toISOString()}` });
  const config = configurationProblem();
  if (config) problems.push({ check: "configuration", message: config });
  try {
    await storeAnswers(timeoutMs);
  } catch (error) {
    log().warn({ err: error }, "readiness: the operations database does not answer");
    problems.push({ check: "store", message: error instanceof TimedOut ? `the operations database did not answer within ${timeoutMs} ms` : "the operations database does not answer" });
  }
  return { ready: problems.length === 0, problems };
}
