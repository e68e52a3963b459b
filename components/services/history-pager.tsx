import { ButtonLink } from "@/components/ui/button";

const DISABLED = "inline-flex h-7 max-md:h-11 items-center rounded-md border border-border px-2.5 text-xs text-subtle";

const href = (page: number) => `?historyPage=${page}#deployment-history`;

/** Newer / older pages of the service page's deployment history (ECS keeps 90 days of them). */
export function HistoryPager({ page, pageCount, total, pageSize }: { page: number; pageCount: number; total: number; pageSize: number }) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Deployment history pages" className="flex flex-wrap items-center justify-between gap-3 px-4 py-2 text-xs text-muted tabular-nums">
      <span>
        {first}–{last} of {total} · page {Math.min(page, pageCount)} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <ButtonLink href={href(page - 1)} rel="prev">
            ← Newer
          </ButtonLink>
        ) : (
          <span className={DISABLED}>← Newer</span>
        )}
        {page < pageCount ? (
          <ButtonLink href={href(page + 1)} rel="next">
            Older →
          </ButtonLink>
        ) : (
          <span className={DISABLED}>Older →</span>
        )}
      </span>
    </nav>
  );
}
