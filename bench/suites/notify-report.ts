// How the notification figures enter the report: their targets and one table.
import type { NotifyResult } from "./notify";

type Check = (name: string, value: number, unit: string, limit: number, op?: "<=" | ">=") => void;

export function checkNotify(r: NotifyResult, check: Check): void {
  check("notification outcome recorded → webhook received (p95)", r.outcomeToReceivedMs.p95, "ms", 1000);
  check(`notification deliveries missing (of ${r.rollouts})`, r.rollouts - r.delivered, "deliveries", 0);
  // "Unchanged": the median with broken receivers stays within the rollback's own confirm target, and within 20 % (+10 ms) of the healthy median.
  const healthy = r.confirmToUpdateServiceMs.healthyReceiver.median;
  check("notification: confirm → UpdateService with a 500 and a hanging receiver (median)", r.confirmToUpdateServiceMs.brokenReceivers.median, "ms", Math.min(190, Math.round(healthy * 1.2 + 10)));
  check("notification: deliveries held by the hanging receiver during those confirms", r.brokenReceivers.hangingDuringConfirms, "requests", 1, ">=");
}

export function printNotify(r: NotifyResult): void {
  console.log(`\nNotifications (${r.rollouts} rollouts; ${r.delivered} outcome deliveries timed; the 500 receiver answered ${r.brokenReceivers.answered500} attempts)`);
  console.table({
    "outcome recorded → webhook received": r.outcomeToReceivedMs,
    "confirm → UpdateService, healthy receiver": r.confirmToUpdateServiceMs.healthyReceiver,
    "confirm → UpdateService, + 500 and hanging receivers": r.confirmToUpdateServiceMs.brokenReceivers,
  });
}
