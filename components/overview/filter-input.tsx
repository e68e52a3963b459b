"use client";

import { useLayoutEffect, useState } from "react";
import { applyFilter } from "./apply-filter";

/**
 * The overview's filter box: the page's only filtering island. It hides non-matching rows in the
 * DOM (see apply-filter.ts) and mirrors the query into `?q=` with history.replaceState, so the URL
 * can be shared without a server round trip per keystroke. `renderToken` changes with every server
 * render: an auto-refresh replaces the rows' HTML, and the query is applied again before paint.
 * Without JavaScript the box is a plain GET form: Enter reloads the page filtered by the server.
 */
export function FilterInput({ placeholder, initialQuery, renderToken }: { placeholder: string; initialQuery: string; renderToken: number }) {
  const [query, setQuery] = useState(initialQuery);

  useLayoutEffect(() => {
    const main = document.getElementById("main");
    if (main) applyFilter(main, query);
  }, [query, renderToken]);

  const update = (value: string) => {
    setQuery(value);
    const url = new URL(window.location.href);
    if (value === "") url.searchParams.delete("q");
    else url.searchParams.set("q", value);
    window.history.replaceState(null, "", url);
  };
  return (
    <form role="search" action="/" method="get" onSubmit={(e) => e.preventDefault()} className="relative w-full max-w-md">
      <label htmlFor="overview-filter" className="sr-only">
        Filter services
      </label>
      <svg aria-hidden viewBox="0 0 16 16" className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-subtle" fill="none" stroke="currentColor" strokeWidth="1.5">
        <circle cx="7" cy="7" r="4.5" />
        <path d="m10.5 10.5 3 3" strokeLinecap="round" />
      </svg>
      <input
        id="overview-filter"
        name="q"
        type="search"
        data-slash-focus
        value={query}
        onChange={(e) => update(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && update("")}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        className="h-8 w-full rounded-md border border-border-strong bg-surface pr-9 pl-8 text-[13px] placeholder:text-subtle max-md:h-11 max-md:text-base"
      />
      <kbd aria-hidden className="pointer-events-none absolute max-md:hidden top-1/2 right-2 -translate-y-1/2 rounded border border-border px-1.5 font-mono text-[10px] text-subtle">
        /
      </kbd>
    </form>
  );
}
