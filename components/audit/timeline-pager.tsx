import { ButtonLink } from "@/components/ui/button";

/**
 * Cursor paging: "Older" carries the server's cursor; a cursor cannot be walked backwards, so the way
 * back is to the newest page (the browser's Back button returns to the previous one).
 */
export function TimelinePager({ baseQuery, nextCursor, paged, shown }: { baseQuery: string; nextCursor: string | null; paged: boolean; shown: number }) {
  const href = (cursor?: string) => {
    const params = new URLSearchParams(baseQuery);
    if (cursor) params.set("cursor", cursor);
    const query = params.toString();
    return query ? `/audit?${query}` : "/audit";
  };
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-4 py-2 text-xs text-muted">
      <span>{`${shown} changes on this page${nextCursor ? "; older ones on the next" : ""}`}</span>
      <span className="flex gap-2">
        {paged && <ButtonLink href={href()}>← Newest</ButtonLink>}
        {nextCursor && (
          <ButtonLink href={href(nextCursor)} rel="next">
            Older →
          </ButtonLink>
        )}
      </span>
    </nav>
  );
}
