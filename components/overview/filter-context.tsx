"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

// Client-side filtering of server-rendered rows: the rows stay server components; these small
// wrappers only decide whether to show them. Auto-refresh re-renders the rows and keeps the query.

interface FilterState {
  query: string;
  setQuery: (q: string) => void;
}

const FilterContext = createContext<FilterState>({ query: "", setQuery: () => {} });

/** Every whitespace-separated term must occur in the text (case-insensitive). */
function matches(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => haystack.includes(term));
}

export function FilterProvider({ initialQuery, children }: { initialQuery: string; children: ReactNode }) {
  const [query, setQuery] = useState(initialQuery);
  return <FilterContext.Provider value={{ query, setQuery }}>{children}</FilterContext.Provider>;
}

export function useFilter(): FilterState {
  return useContext(FilterContext);
}

/** Renders its children only when `text` matches the current query. */
export function FilterItem({ text, children }: { text: string; children: ReactNode }) {
  const { query } = useFilter();
  return matches(text, query) ? children : null;
}

/**
 * Renders its children (a section) only when one of `texts` matches, e.g. a cluster with a matching
 * service. `keepVisible` sections (those showing an error) never hide: a failure must stay in view.
 */
export function FilterGroup({ texts, keepVisible = false, children }: { texts: string[]; keepVisible?: boolean; children: ReactNode }) {
  const { query } = useFilter();
  return keepVisible || query === "" || texts.some((t) => matches(t, query)) ? children : null;
}

/** Shown instead of the list when nothing matches. */
export function FilterEmpty({ texts, children }: { texts: string[]; children: ReactNode }) {
  const { query } = useFilter();
  return query !== "" && !texts.some((t) => matches(t, query)) ? children : null;
}

/** "Showing 3 of 24 services" for screen readers and sighted users alike. */
export function FilterCount({ texts, noun }: { texts: string[]; noun: string }) {
  const { query } = useFilter();
  const shown = texts.filter((t) => matches(t, query)).length;
  return (
    <span aria-live="polite" className="text-xs text-muted tabular-nums">
      {query === "" ? `${texts.length} ${noun}` : `${shown} of ${texts.length} ${noun}`}
    </span>
  );
}
