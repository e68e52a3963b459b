import { ButtonLink } from "@/components/ui/button";
import type { ImageHistoryQuery } from "@/lib/queries/types";

/** The URL of another page of the same filtered view; defaults are left out to keep URLs short. */
function pageHref(basePath: string, query: ImageHistoryQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.prod) params.set("prod", "1");
  if (query.severity) params.set("severity", query.severity);
  if (query.pageSize !== 50) params.set("pageSize", String(query.pageSize));
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `${basePath}?${s}` : basePath;
}

const DISABLED = "inline-flex h-7 max-md:h-11 items-center rounded-md border border-border px-2.5 text-xs text-subtle";

export function Pagination({ basePath, query, total, pageCount }: { basePath: string; query: ImageHistoryQuery; total: number; pageCount: number }) {
  const { page, pageSize } = query;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-4 py-2 text-xs text-muted tabular-nums">
      <span>
        {first}–{last} of {total} · page {Math.min(page, Math.max(pageCount, 1))} of {Math.max(pageCount, 1)}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <ButtonLink href={pageHref(basePath, query, page - 1)} rel="prev">
            ← Newer
          </ButtonLink>
        ) : (
          <span className={DISABLED}>← Newer</span>
        )}
        {page < pageCount ? (
          <ButtonLink href={pageHref(basePath, query, page + 1)} rel="next">
            Older →
          </ButtonLink>
        ) : (
          <span className={DISABLED}>Older →</span>
        )}
      </span>
    </nav>
  );
}
