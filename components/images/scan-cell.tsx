import { SeverityPills } from "@/components/ui/severity";
import type { ScanSummary } from "@/lib/domain/types";

const DONE = new Set(["COMPLETE", "ACTIVE"]);

/** Severity counts of a finished scan, or the scan's state ("in progress", "failed", "not scanned"). */
export function ScanCell({ scan, nowrap }: { scan?: ScanSummary; nowrap?: boolean }) {
  if (scan?.status === undefined && scan?.severityCounts === undefined) return <span className="text-xs text-subtle">not scanned</span>;
  if (scan.status !== undefined && !DONE.has(scan.status)) {
    const failed = scan.status === "FAILED" || scan.status === "UNSUPPORTED_IMAGE";
    return (
      <span className={`text-xs ${failed ? "text-danger" : "text-muted"}`} title={scan.description}>
        scan {scan.status.toLowerCase().replaceAll("_", " ")}
      </span>
    );
  }
  return <SeverityPills counts={scan.severityCounts ?? {}} nowrap={nowrap} />;
}
