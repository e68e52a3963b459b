// Commit links: tag → SHA through the configured pattern, SHA → URL through the repository's git
// link templates.
import type { AppConfig } from "@/lib/config";
import { commitUrlFor } from "@/lib/domain/git-links";
import { findCommit, shortSha } from "@/lib/domain/prod-tag";
import type { CommitLink } from "./types";

export function commitLink(config: AppConfig, repository: string | undefined, tags: readonly string[]): CommitLink | undefined {
  const commit = findCommit(tags, config.tagPattern);
  if (!commit) return undefined;
  const url = repository === undefined ? undefined : commitUrlFor(config.git, repository, commit.sha);
  return { tag: commit.tag, sha: commit.sha, shortSha: shortSha(commit.sha), ...(url && { url }) };
}
