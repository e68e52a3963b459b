// The `prod-<sha>` tag convention: which git commit an image was built from. The pattern is configurable
// (a regular expression with a named group `sha`) because teams name their immutable tags differently.
import type { CommitRef } from "./types";

export const DEFAULT_TAG_PATTERN = "^prod-(?<sha>[0-9a-f]{7,40})$";

/** One configured pattern, or several (e.g. `prod-<sha>` and CI's `sha-<7>`): any of them names the commit. */
export type TagPatterns = RegExp | readonly RegExp[];

/** Compiles a configured tag pattern; throws an Error saying what is wrong when it is invalid or has no `sha` group. */
export function compileTagPattern(source: string): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (error) {
    throw new Error(`Invalid tag pattern "${source}": ${(error as Error).message}`);
  }
  // An empty alternative makes the wrapped pattern match "", and the match then lists every named group.
  const groups = new RegExp(`(?:${source})|`).exec("")?.groups;
  if (!groups || !("sha" in groups)) {
    throw new Error(`Tag pattern "${source}" has no named group "sha", e.g. ^prod-(?<sha>[0-9a-f]{7,40})$`);
  }
  return pattern;
}

/**
 * The commit behind an image, from the tags matching any of `patterns`. When several tags match (a full and a
 * short SHA), the longest SHA wins because it identifies the commit unambiguously. SHAs are lower-cased
 * so links and comparisons do not depend on how a team cased its tags.
 */
/** The pattern that names production images (image history's "Production images only"): the first one. */
export function productionPattern(patterns: TagPatterns): RegExp | undefined {
  return patterns instanceof RegExp ? patterns : patterns[0];
}

export function findCommit(tags: readonly string[], patterns: TagPatterns): CommitRef | undefined {
  let best: CommitRef | undefined;
  for (const pattern of patterns instanceof RegExp ? [patterns] : patterns) {
    // A global or sticky RegExp keeps lastIndex between calls; a plain copy makes matching stateless.
    const matcher = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "")) : pattern;
    for (const tag of tags) {
      const sha = matcher.exec(tag)?.groups?.sha;
      if (sha && (!best || sha.length > best.sha.length)) best = { tag, sha: sha.toLowerCase() };
    }
  }
  return best;
}

/** The abbreviated SHA shown on screen (7 characters, like git). */
export function shortSha(sha: string, length = 7): string {
  return sha.slice(0, length);
}
