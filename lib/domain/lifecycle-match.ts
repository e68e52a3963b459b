// Whether an image falls under a rule's tag selection (aws-behaviour.md §4.4 rule 5): a prefix or pattern
// list matches when EVERY entry matches at least one of the image's tags.
import type { LifecycleSelection } from "./lifecycle-policy";

const patternCache = new Map<string, RegExp>();

/** A tagPatternList entry as an anchored RegExp: `*` is any run of characters, everything else literal. */
function patternRegExp(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (!regex) {
    const body = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    regex = new RegExp(`^${body}$`, "s");
    patternCache.set(pattern, regex);
  }
  return regex;
}

export function matchesTagPattern(pattern: string, tag: string): boolean {
  return patternRegExp(pattern).test(tag);
}

export function selectsImage(selection: LifecycleSelection, tags: readonly string[]): boolean {
  switch (selection.tagStatus) {
    case "any":
      return true;
    case "untagged":
      return tags.length === 0;
    case "tagged": {
      if (tags.length === 0) return false;
      const prefixes = selection.tagPrefixList ?? [];
      const patterns = selection.tagPatternList ?? [];
      return (
        prefixes.every((prefix) => tags.some((tag) => tag.startsWith(prefix))) &&
        patterns.every((pattern) => tags.some((tag) => matchesTagPattern(pattern, tag)))
      );
    }
  }
}
