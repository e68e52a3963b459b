import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";

/**
 * Dense data tables. `table-fixed` plus explicit column widths (via <Th className="w-…">) keep
 * columns from jumping when a refresh changes a value's length.
 */
export function Table({ caption, children, fixed = true }: { caption: string; children: ReactNode; fixed?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full border-collapse text-left ${fixed ? "table-fixed" : ""}`}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-border bg-surface-2 text-[11px] font-medium tracking-wide text-muted uppercase">
      {children}
    </thead>
  );
}

export function Th({ className = "", children, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="col" className={`px-3 py-1.5 font-medium whitespace-nowrap ${className}`} {...rest}>
      {children}
    </th>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-border">{children}</tbody>;
}

export function Tr({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <tr className={`align-top hover:bg-surface-2/60 ${className}`}>{children}</tr>;
}

export function Td({ className = "", children, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td className={`px-3 py-2 ${className}`} {...rest}>
      {children}
    </td>
  );
}
