import type { ReactNode, ThHTMLAttributes } from "react";

/**
 * Dense data tables. `table-fixed` plus explicit column widths (via <Th className="w-…">) keep
 * columns from jumping when a refresh changes a value's length.
 *
 * Body rows and cells are plain <tr>/<td>: their default look (dividers, top alignment, hover tint,
 * padding) is the `.data-table` rule in globals.css rather than classes or a component on every
 * cell (tables are most of the HTML). A class on a cell adds to it and a utility wins over the default,
 * so a tinted row repeats hover:bg-surface-2/60 to keep its hover tint.
 * On phones every data table becomes one card per row (app/phone.css); `className` names a table
 * with a phone layout of its own (`overview-table`).
 */
export function Table({ caption, children, className }: { caption: string; children: ReactNode; className?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className={`data-table w-full table-fixed border-collapse text-left ${className ?? ""}`.trimEnd()}>
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
  return <tbody>{children}</tbody>;
}
