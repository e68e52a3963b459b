import { filterCountLabel, filterTerms, matchesFilter } from "./filter-match";

// The browser half of the overview filter. The rows are plain server HTML marked with data
// attributes; filtering toggles `hidden` on them instead of re-rendering React trees:
//   [data-filter-text]  a row, with its lower-cased search text
//   [data-filter-group] a section hidden while filtering when none of its rows match;
//                       [data-filter-keep] sections (showing an error) never hide
//   [data-filter-empty] shown only when a filter matches nothing
//   [data-filter-count] "3 of 60 services", its noun in data-filter-count

/** Applies `query` to the rows inside `root` and updates the count and the empty state. */
export function applyFilter(root: ParentNode, query: string): void {
  const active = filterTerms(query).length > 0;
  const rows = root.querySelectorAll<HTMLElement>("[data-filter-text]");
  let shown = 0;
  for (const row of rows) {
    const visible = matchesFilter(row.dataset.filterText ?? "", query);
    row.hidden = !visible;
    if (visible) shown += 1;
  }
  for (const group of root.querySelectorAll<HTMLElement>("[data-filter-group]")) {
    const keep = group.dataset.filterKeep !== undefined;
    group.hidden = active && !keep && group.querySelector("[data-filter-text]:not([hidden])") === null;
  }
  const empty = root.querySelector<HTMLElement>("[data-filter-empty]");
  if (empty) empty.hidden = !active || shown > 0;
  const count = root.querySelector<HTMLElement>("[data-filter-count]");
  if (count) count.textContent = filterCountLabel(shown, rows.length, active, count.dataset.filterCount ?? "");
}
