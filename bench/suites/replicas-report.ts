// How the two-replica figures enter the report: their targets (issue 13) and a table of the outcome lag
// in normal running, after kill -9 and after SIGTERM of the replica following the rollouts.
import { formatCalls } from "../lib/aws-calls";
import type { ReplicasResult } from "./replicas";

type Check = (name: string, value: number, unit: string, limit: number) => void;

export function checkReplicas(r: ReplicasResult, check: Check): void {
  check("replicas confirm → UpdateService (median)", r.confirmToUpdateServiceMs.median, "ms", 190);
  check("replicas confirm → UpdateService (p95)", r.confirmToUpdateServiceMs.p95, "ms", 190);
  check("replicas SUCCESSFUL → API shows succeeded (p95)", r.stableToOutcomeMs.p95, "ms", 2000);
  check(`replicas outcome lag after kill -9 of the follower (max; leaseTtlMs ${r.leaseTtlMs} + 2 s)`, r.afterKillMs.max, "ms", r.leaseTtlMs + 2000);
  check("replicas outcome lag after SIGTERM of the follower (max)", r.afterSigtermMs.max, "ms", 3000);
  check("replicas SIGTERM → exit", r.sigtermToExitMs, "ms", 10_000);
  check("replicas SIGTERM exit code", r.sigtermExitCode ?? Number.NaN, "", 0);
  check(`replicas outcomes other than succeeded (of ${r.rollouts})`, r.rollouts - (r.outcomes.succeeded ?? 0), "rollouts", 0);
}

export function printReplicas(r: ReplicasResult): void {
  console.log(`\nTwo replicas on Postgres (${r.rollouts} one-task rollouts at time scale 1; outcomes ${JSON.stringify(r.outcomes)}; leaseTtlMs ${r.leaseTtlMs})`);
  console.table({
    [`confirm → UpdateService (${r.confirms} POSTs, either replica)`]: r.confirmToUpdateServiceMs,
    "SUCCESSFUL → API shows succeeded": r.stableToOutcomeMs,
    "SUCCESSFUL → succeeded, follower killed (-9) then": r.afterKillMs,
    "SUCCESSFUL → succeeded, follower SIGTERMed then": r.afterSigtermMs,
  });
  console.log(`SIGTERM → exit ${r.sigtermToExitMs} ms, exit code ${r.sigtermExitCode}`);
  console.table({
    "rollouts (both replicas following)": { calls: formatCalls(r.calls.rollouts) },
    "after kill -9": { calls: formatCalls(r.calls.afterKill) },
    "after SIGTERM": { calls: formatCalls(r.calls.afterSigterm) },
  });
}
