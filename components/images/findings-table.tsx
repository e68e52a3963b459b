"use client";

import { useState } from "react";
import { SeverityBadge } from "@/components/ui/severity";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { compareSeverity } from "@/lib/domain/severity";
import type { ScanFinding } from "@/lib/domain/types";

type SortKey = "severity" | "id" | "package";

const COMPARE: Record<SortKey, (a: ScanFinding, b: ScanFinding) => number> = {
  severity: (a, b) => compareSeverity(a.severity, b.severity) || (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id),
  id: (a, b) => a.id.localeCompare(b.id),
  package: (a, b) => (a.packageName ?? "").localeCompare(b.packageName ?? "") || compareSeverity(a.severity, b.severity),
};

/** Scan findings, sortable by severity (default: CRITICAL first), CVE id or package; on phones the sort buttons stay as a row. */
export function FindingsTable({ findings }: { findings: ScanFinding[] }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "severity", desc: false });
  const rows = [...findings].sort((a, b) => (sort.desc ? -1 : 1) * COMPARE[sort.key](a, b));

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <Th aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}>
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
      </Th>
    );
  };

  return (
    <Table caption="Scan findings">
      <colgroup>
        <col className="w-36" />
        <col className="w-44" />
        <col className="w-44" />
        <col className="w-32" />
        <col className="w-32" />
        <col />
      </colgroup>
      <THead>
        <tr>
          {header("severity", "Severity")}
          {header("id", "Vulnerability")}
          {header("package", "Package")}
          <Th>Version</Th>
          <Th>Fixed in</Th>
          <Th>Title</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((f, i) => (
          <tr key={`${f.id}-${f.packageName ?? ""}-${i}`}>
            <td>
              <SeverityBadge severity={f.severity} />
            </td>
            <td className="font-mono text-xs">
              {f.url ? (
                <a href={f.url} target="_blank" rel="noreferrer" className="text-accent hover:underline max-md:inline-flex max-md:min-h-11 max-md:items-center">
                  {f.id}
                </a>
              ) : (
                f.id
              )}
              {f.score !== undefined && <span className="ml-1.5 text-muted">{f.score.toFixed(1)}</span>}
            </td>
            <td className="truncate font-mono text-xs" title={f.packageName}>
              {f.packageName ?? "—"}
            </td>
            <td className="truncate font-mono text-xs" title={f.packageVersion}>
              {f.packageVersion ?? "—"}
            </td>
            <td className="truncate font-mono text-xs" title={f.fixedInVersion} data-label="Fixed in">
              {f.fixedInVersion ? <span className="text-ok">{f.fixedInVersion}</span> : <span className="text-subtle">no fix</span>}
            </td>
            <td className="truncate text-xs text-muted" title={f.description ?? f.title}>
              {f.title ?? f.description ?? "—"}
            </td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
