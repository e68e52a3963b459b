// How the rollback figures enter the report: their targets, and a side-by-side table of our outcome
// lag and the AWS CLI waiter's on the same rollouts.
import { formatCalls } from "../lib/aws-calls";
import type { RollbackResult } from "./rollback";

type Check = (name: string, value: number, unit: string, limit: number) => void;

export function checkRollback(r: RollbackResult, check: Check): void {
  check("rollback confirm → UpdateService (median)", r.confirmToUpdateServiceMs.median, "ms", 190);
  check("rollback SUCCESSFUL → API shows succeeded (p95)", r.stableToOutcomeMs.p95, "ms", 2000);
  check(`rollback outcomes other than succeeded (of ${r.rollouts})`, r.rollouts - (r.outcomes.succeeded ?? 0), "rollouts", 0);
}

export function printRollback(r: RollbackResult): void {
  console.log(`\nRollback (${r.rollouts} one-task rollouts at time scale 1; outcomes ${JSON.stringify(r.outcomes)})`);
  console.table({
    [`confirm → UpdateService (${r.confirms} POSTs)`]: r.confirmToUpdateServiceMs,
    "SUCCESSFUL → API shows succeeded": r.stableToOutcomeMs,
    "SUCCESSFUL → aws ecs wait services-stable returns": r.cliWaiterLagMs,
  });
  const f = r.followerCallsPerSecond;
  console.table({
    "follower, 1 operation": { "AWS calls/s": f.one, calls: formatCalls(f.oneCalls) },
    "follower, 20 operations": { "AWS calls/s": f.twenty, calls: formatCalls(f.twentyCalls) },
  });
}
