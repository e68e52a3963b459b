import { CopyButton } from "./copy-button";

/** A short git SHA linking to the commit (when a link template is configured), with copy. */
export function CommitLink({ sha, shortSha, url }: { sha: string; shortSha: string; url?: string }) {
  const text = <code className="font-mono text-xs">{shortSha}</code>;
  return (
    <span className="inline-flex items-center gap-0.5" title={sha}>
      {url !== undefined ? (
        <a href={url} target="_blank" rel="noreferrer" className="text-accent hover:underline" aria-label={`Commit ${sha}`}>
          {text}
        </a>
      ) : (
        text
      )}
      <CopyButton value={sha} label={`commit SHA ${sha}`} />
    </span>
  );
}
