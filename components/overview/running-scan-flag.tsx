import type { ScanSummary } from "@/lib/domain/types";

/** How many CRITICAL findings the running image has (0 when none or not scanned). */
export function criticalCount(scan?: ScanSummary): number {
  return scan?.severityCounts?.CRITICAL ?? 0;
}

/**
 * A red flag next to a running digest when the image in production has CRITICAL findings; links to
 * its findings. Lesser severities show on the service and image pages: the overview stays quiet
 * unless there is something an on-call engineer must look at.
 */
export function RunningScanFlag({ critical: n, href }: { critical: number; href?: string }) {
  if (n === 0) return null;
  const label = `The running image has ${n} critical finding${n === 1 ? "" : "s"}`;
  return (
    <a
      href={href}
      title={label}
      aria-label={label}
      className="relative inline-flex h-5 shrink-0 items-center gap-1 rounded bg-sev-critical px-1.5 text-[11px] font-semibold text-white tabular-nums ring-1 ring-sev-critical ring-inset after:absolute after:inset-x-0 after:-inset-y-3 hover:underline"
    >
      CRIT {n}
    </a>
  );
}
