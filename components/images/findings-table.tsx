"use client";

import { useState } from "react";
import { SeverityBadge } from "@/components/ui/severity";
import { compareSeverity } from "@/lib/domain/severity";
import type { ScanFinding } from "@/lib/domain/types";

type SortKey = "severity" | "id" | "package";

const COMPARE: Record<SortKey, (a: ScanFinding, b: ScanFinding) => number> = {
  severity: (a, b) => compareSeverity(a.severity, b.severity) || (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id),
  id: (a, b) => a.id.localeCompare(b.id),
  package: (a, b) => (a.packageName ?? "").localeCompare(b.packageName ?? "") || compareSeverity(a.severity, b.severity),
};

/** Scan findings, sortable by severity (default: CRITICAL first), CVE id or package. */
export function FindingsTable({ findings }: { findings: ScanFinding[] }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "severity", desc: false });
  const rows = [...findings].sort((a, b) => (sort.desc ? -1 : 1) * COMPARE[sort.key](a, b));

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"} className="px-3 py-1.5 font-medium">
        <button
          type="button"
          onClick={() => setSort({ key, desc: active ? !sort.desc : false })}
          className="inline-flex items-center gap-1 uppercase hover:text-fg"
        >
          {label}
          <span aria-hidden className={active ? "text-fg" : "opacity-40"}>
            {active && sort.desc ? "↑" : "↓"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-left">
        <caption className="sr-only">Scan findings</caption>
        <colgroup>
          <col className="w-36" />
          <col className="w-44" />
          <col className="w-44" />
          <col className="w-32" />
          <col className="w-32" />
          <col />
        </colgroup>
        <thead className="border-b border-border bg-surface-2 text-[11px] tracking-wide text-muted">
          <tr>
            {header("severity", "Severity")}
            {header("id", "Vulnerability")}
            {header("package", "Package")}
            <th scope="col" className="px-3 py-1.5 font-medium uppercase">Version</th>
            <th scope="col" className="px-3 py-1.5 font-medium uppercase">Fixed in</th>
            <th scope="col" className="px-3 py-1.5 font-medium uppercase">Title</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((f, i) => (
            <tr key={`${f.id}-${f.packageName ?? ""}-${i}`} className="align-top hover:bg-surface-2/60">
              <td className="px-3 py-1.5">
                <SeverityBadge severity={f.severity} />
              </td>
              <td className="px-3 py-1.5 font-mono text-xs">
                {f.url ? (
                  <a href={f.url} target="_blank" rel="noreferrer" className="text-accent hover:underline">
                    {f.id}
                  </a>
                ) : (
                  f.id
                )}
                {f.score !== undefined && <span className="ml-1.5 text-muted">{f.score.toFixed(1)}</span>}
              </td>
              <td className="truncate px-3 py-1.5 font-mono text-xs" title={f.packageName}>
                {f.packageName ?? "—"}
              </td>
              <td className="truncate px-3 py-1.5 font-mono text-xs" title={f.packageVersion}>
                {f.packageVersion ?? "—"}
              </td>
              <td className="truncate px-3 py-1.5 font-mono text-xs" title={f.fixedInVersion}>
                {f.fixedInVersion ? <span className="text-ok">{f.fixedInVersion}</span> : <span className="text-subtle">no fix</span>}
              </td>
              <td className="truncate px-3 py-1.5 text-xs text-muted" title={f.description ?? f.title}>
                {f.title ?? f.description ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
