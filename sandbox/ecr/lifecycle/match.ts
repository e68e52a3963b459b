// Tag selection of lifecycle rules (aws-behaviour.md §4.4, rule 5): a prefix or pattern list matches an
// image when EVERY entry of the list matches at least one of the image's tags.
import type { LifecycleRule } from "./policy";

const patternCache = new Map<string, RegExp>();

/** `prod*` matches `prod`, `prod1`, `production`; `*prod*` anything containing `prod`. */
export function wildcardMatches(pattern: string, tag: string): boolean {
  let regex = patternCache.get(pattern);
  if (!regex) {
    const body = pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    regex = new RegExp(`^${body}$`);
    patternCache.set(pattern, regex);
  }
  return regex.test(tag);
}

export function selectionMatches(selection: LifecycleRule["selection"], tags: readonly string[]): boolean {
  switch (selection.tagStatus) {
    case "any":
      return true;
    case "untagged":
      return tags.length === 0;
    case "tagged":
      if (tags.length === 0) return false;
      if (selection.tagPrefixList) {
        return selection.tagPrefixList.every((prefix) => tags.some((tag) => tag.startsWith(prefix)));
      }
      return (selection.tagPatternList ?? []).every((pattern) => tags.some((tag) => wildcardMatches(pattern, tag)));
  }
}
