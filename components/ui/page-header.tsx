import Link from "next/link";
import type { ReactNode } from "react";

export interface Crumb {
  label: string;
  href?: string;
}

/** Breadcrumbs, the page title and its description on the left; live status and actions on the right. */
export function PageHeader({
  title,
  crumbs = [],
  description,
  aside,
  badges,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  description?: ReactNode;
  aside?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
      <div className="min-w-0">
        {crumbs.length > 0 && (
          <nav aria-label="Breadcrumb" className="mb-1 text-xs text-muted">
            <ol className="flex flex-wrap items-center gap-1">
              {crumbs.map((c, i) => (
                <li key={`${c.label}-${i}`} className="flex items-center gap-1">
                  {i > 0 && <span aria-hidden>/</span>}
                  {c.href !== undefined ? (
                    <Link href={c.href} className="hover:text-fg hover:underline max-md:inline-flex max-md:min-h-11 max-md:items-center">
                      {c.label}
                    </Link>
                  ) : (
                    <span>{c.label}</span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
          {badges}
        </div>
        {description !== undefined && <p className="mt-0.5 max-w-3xl text-muted">{description}</p>}
      </div>
      {aside !== undefined && <div className="flex flex-wrap items-center gap-2">{aside}</div>}
    </div>
  );
}
