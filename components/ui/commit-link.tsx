import { CopyButton } from "./copy-button";

/**
 * A short git SHA linking to the commit (when a link template is configured), with copy.
 * `className` adds to its inline-flex wrapper, e.g. `flex` to make it a line of its own.
 */
export function CommitLink({ sha, shortSha, url, className }: { sha: string; shortSha: string; url?: string; className?: string }) {
  return (
    <span className={className ? `copyable ${className}` : "copyable"} title={sha}>
      {url !== undefined ? (
        <a href={url} target="_blank" rel="noreferrer" className="code text-accent hover:underline" aria-label={`Commit ${sha}`}>
          {shortSha}
        </a>
      ) : (
        <code>{shortSha}</code>
      )}
      <CopyButton value={sha} label="commit SHA" />
    </span>
  );
}
