import type { Overview } from "@/lib/queries/types";
import { criticalCount } from "./running-scan-flag";

/**
 * One line for the incident commander: how many services are deploying, failed, rolled back or
 * stuck, drift, and how many run an image with a CRITICAL finding.
 */
export function RolloutCounts({ overview }: { overview: Overview }) {
  const rows = overview.environments.flatMap((e) => e.clusters.flatMap((c) => c.services));
  const count = (kind: string) => rows.filter((r) => r.rollout.kind === kind).length;
  // It counts services, not findings: "3 running CRITICAL findings" read as three findings.
  const critical = rows.filter((r) => r.containers.some((c) => criticalCount(c.runningScan) > 0)).length;
  const items = [
    { label: "deploying", n: count("in-progress"), tone: "text-info" },
    { label: "failed", n: count("failed"), tone: "text-danger" },
    { label: "rolled back", n: count("rolled-back"), tone: "text-danger" },
    { label: "stuck", n: count("stuck"), tone: "text-warn" },
    { label: "with digest drift", n: rows.filter((r) => r.digestDrift).length, tone: "text-warn" },
    { label: `${critical === 1 ? "service" : "services"} running CRITICAL findings`, n: critical, tone: "text-danger" },
  ];
  return (
    <ul aria-label="Rollout summary" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs tabular-nums">
      {items.map((i) => (
        <li key={i.label} className={i.n > 0 ? `font-medium ${i.tone}` : "text-subtle"}>
          {i.n} {i.label}
        </li>
      ))}
    </ul>
  );
}
