// Vulnerability severities as ECR reports them. Inspector also emits keys outside the FindingSeverity enum
// (e.g. UNTRIAGED); those are kept, counted in totals and sorted after every known severity.
import { compareText } from "./compare";
import type { ScanFinding, Severity, SeverityCounts } from "./types";

export const SEVERITY_ORDER: readonly Severity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];

/** Case-insensitive parse of a known severity; undefined for anything else. */
export function parseSeverity(s: string): Severity | undefined {
  const upper = s.trim().toUpperCase();
  return SEVERITY_ORDER.find((severity) => severity === upper);
}

function rank(s: string): number {
  const severity = parseSeverity(s);
  return severity === undefined ? SEVERITY_ORDER.length : SEVERITY_ORDER.indexOf(severity);
}

/** Sort comparator: most severe first; unknown severities last, alphabetically among themselves. */
export function compareSeverity(a: string, b: string): number {
  return rank(a) - rank(b) || (rank(a) === SEVERITY_ORDER.length ? compareText(a, b) : 0);
}

function count(counts: SeverityCounts | undefined, key: string): number {
  const value = counts?.[key];
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

/** The most severe known severity with at least one finding. */
export function highestSeverity(counts?: SeverityCounts): Severity | undefined {
  return SEVERITY_ORDER.find((severity) => count(counts, severity) > 0);
}

/** Whether there is at least one finding of `min` or worse. */
export function hasAtLeast(counts: SeverityCounts | undefined, min: Severity): boolean {
  return SEVERITY_ORDER.slice(0, SEVERITY_ORDER.indexOf(min) + 1).some((severity) => count(counts, severity) > 0);
}

/** All findings, unknown severity keys included. */
export function totalFindings(counts?: SeverityCounts): number {
  return Object.keys(counts ?? {}).reduce((sum, key) => sum + count(counts, key), 0);
}

/** A sorted copy: severity, then higher score, then id, so the order is stable across refreshes. */
export function sortFindings(findings: ScanFinding[]): ScanFinding[] {
  return [...findings].sort(
    (a, b) => compareSeverity(a.severity, b.severity) || (b.score ?? -1) - (a.score ?? -1) || compareText(a.id, b.id),
  );
}
