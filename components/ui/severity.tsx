import { compareSeverity, totalFindings } from "@/lib/domain/severity";
import type { SeverityCounts } from "@/lib/domain/types";

const SHORT: Record<string, string> = {
  CRITICAL: "CRIT",
  HIGH: "HIGH",
  MEDIUM: "MED",
  LOW: "LOW",
  INFORMATIONAL: "INFO",
  UNDEFINED: "UNDEF",
};

const COLOUR: Record<string, string> = {
  CRITICAL: "bg-sev-critical text-white ring-sev-critical",
  HIGH: "bg-sev-high/15 text-sev-high ring-sev-high/40",
  MEDIUM: "bg-sev-medium/15 text-sev-medium ring-sev-medium/40",
  LOW: "bg-sev-low/12 text-sev-low ring-sev-low/35",
};
const OTHER = "bg-surface-2 text-muted ring-border";

/** One severity label (findings tables). */
export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span
      className={`inline-flex h-5 min-w-[6.5rem] items-center justify-center rounded px-1.5 text-[11px] font-semibold tracking-wide ring-1 ring-inset ${COLOUR[severity] ?? OTHER}`}
    >
      {severity}
    </span>
  );
}

/**
 * Counts per severity, worst first, zero counts omitted ("CRIT 2 · HIGH 5"). "No findings" when the
 * scan found nothing; "—" when there are no counts at all (not scanned).
 */
export function SeverityPills({ counts, nowrap = false }: { counts?: SeverityCounts; nowrap?: boolean }) {
  if (counts === undefined) return <span className="text-subtle">—</span>;
  if (totalFindings(counts) === 0) return <span className="text-xs text-ok">No findings</span>;
  const keys = Object.keys(counts)
    .filter((k) => (counts[k] ?? 0) > 0)
    .sort(compareSeverity);
  const summary = keys.map((k) => `${counts[k]} ${k.toLowerCase()}`).join(", ");
  return (
    <span className={`inline-flex gap-1 ${nowrap ? "flex-nowrap" : "flex-wrap"}`} role="img" aria-label={`Findings: ${summary}`} title={summary}>
      {keys.map((k) => (
        <span
          key={k}
          className={`inline-flex h-5 items-center gap-1 rounded px-1.5 text-[11px] font-semibold tabular-nums ring-1 ring-inset ${COLOUR[k] ?? OTHER}`}
        >
          <span className="opacity-80">{SHORT[k] ?? k}</span>
          {counts[k]}
        </span>
      ))}
    </span>
  );
}

