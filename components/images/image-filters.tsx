import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SEVERITY_ORDER } from "@/lib/domain/severity";
import type { ImageHistoryQuery } from "@/lib/queries/types";

/**
 * The image-history filters as a plain GET form: it works without JavaScript, and every filter
 * lives in the URL so a filtered view can be pasted into the incident channel.
 */
export function ImageFilters({ basePath, query }: { basePath: string; query: ImageHistoryQuery }) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter images" className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1 max-md:w-full">
        <label htmlFor="image-q" className="text-[11px] font-medium tracking-wide text-muted uppercase">
          Text
        </label>
        <input
          id="image-q"
          name="q"
          type="search"
          data-slash-focus
          defaultValue={query.q ?? ""}
          placeholder="Tag, SHA or digest"
          autoComplete="off"
          spellCheck={false}
          className="h-8 w-64 rounded-md border border-border-strong bg-surface px-2.5 text-[13px] placeholder:text-subtle max-md:h-11 max-md:w-full max-md:text-base"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="image-severity" className="text-[11px] font-medium tracking-wide text-muted uppercase">
          Minimum severity
        </label>
        <select
          id="image-severity"
          name="severity"
          defaultValue={query.severity ?? ""}
          className="h-8 rounded-md border border-border-strong bg-surface px-2 text-[13px] max-md:h-11 max-md:text-base"
        >
          <option value="">Any</option>
          {SEVERITY_ORDER.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <label className="flex h-8 items-center gap-2 text-[13px] max-md:h-11">
        <input type="checkbox" name="prod" value="1" defaultChecked={query.prod} className="size-4 accent-[var(--c-accent)]" />
        Production images only
      </label>
      {query.pageSize !== 50 && <input type="hidden" name="pageSize" value={query.pageSize} />}
      <Button type="submit" variant="primary" className="h-8 max-md:h-11">
        Apply filters
      </Button>
      <Link href={basePath} className="flex h-8 items-center text-xs text-muted hover:text-fg hover:underline max-md:h-11 max-md:px-2">
        Clear
      </Link>
    </form>
  );
}
