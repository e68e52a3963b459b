// Ordering of identifiers (ARNs, digests, names, tags): by UTF-16 code units, the same on every
// server whatever its locale. localeCompare would also cost an ICU collator set-up on a new
// process's first request, and identifiers have no locale.

/** -1, 0 or 1, for Array.prototype.sort. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
