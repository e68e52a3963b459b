import type { ReactNode } from "react";

/** A bordered section with an optional title row; `actions` sit at the right of the title. */
export function Card({
  title,
  description,
  actions,
  children,
  flush = false,
  id,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Drop the body padding, for tables that run edge to edge. */
  flush?: boolean;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className="rounded-lg border border-border bg-surface shadow-xs">
      {title !== undefined && (
        <header className="flex min-h-10 items-center justify-between gap-3 border-b border-border px-4 py-2">
          <div className="min-w-0">
            <h2 id={headingId} className="text-[13px] font-semibold">
              {title}
            </h2>
            {description !== undefined && <p className="text-xs text-muted">{description}</p>}
          </div>
          {actions !== undefined && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
        </header>
      )}
      <div className={flush ? "" : "p-4"}>{children}</div>
    </section>
  );
}
