// The overview filter's matching, shared by the server (which renders non-matching rows `hidden`
// when the URL has ?q=, so the first paint is already filtered) and the browser (which filters as
// you type). One function on both sides means the two can never disagree.

/** The whitespace-separated, lower-cased terms of a query; no terms means "show everything". */
export function filterTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every term must occur in `text`, which is already lower-cased (see serviceSearchText). */
export function matchesFilter(text: string, query: string): boolean {
  return filterTerms(query).every((term) => text.includes(term));
}

/** "60 services" without a filter, "3 of 60 services" with one. */
export function filterCountLabel(shown: number, total: number, active: boolean, noun: string): string {
  return active ? `${shown} of ${total} ${noun}` : `${total} ${noun}`;
}
