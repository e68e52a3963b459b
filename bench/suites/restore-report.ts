// How the restore figures enter the report: the outcome lag target of every child, and the confirm time
// (reported; its target is the rollback's, per UpdateService, which bench/suites/rollback.ts checks).
import type { RestoreResult } from "./restore";

type Check = (name: string, value: number, unit: string, limit: number) => void;

export function checkRestore(r: RestoreResult, check: Check): void {
  check(`restore of ${r.services}: every child's SUCCESSFUL → API shows succeeded (p95)`, r.childOutcomeLagMs.p95, "ms", 2000);
  check(`restore of ${r.services}: children other than succeeded`, r.services - (r.childOutcomes.succeeded ?? 0), "children", 0);
  check(`restore of ${r.services}: parent not succeeded`, r.parentStatus === "succeeded" ? 0 : 1, "restores", 0);
}

export function printRestore(r: RestoreResult): void {
  console.log(`\nRestore of ${r.services} services (one-task rollouts at time scale 1; parent ${r.parentStatus}, children ${JSON.stringify(r.childOutcomes)})`);
  console.table({
    [`confirm → all ${r.services} UpdateService calls sent`]: { ms: r.confirmToAllUpdateServiceMs },
    "confirm → 202 answer": { ms: r.confirmResponseMs },
  });
  console.table({ "child SUCCESSFUL → API shows succeeded": r.childOutcomeLagMs });
}
