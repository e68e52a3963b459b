import { CommitLink } from "@/components/ui/commit-link";
import { Digest } from "@/components/ui/digest";
import type { ContainerView } from "./row-view";
import { RunningScanFlag } from "./running-scan-flag";

// The three per-container cells of a service row. Each container gets one line in every cell, so a
// container's tag, commit and digest sit side by side. The lines sit straight in the cell (no list
// element, and a lone commit or digest is the line itself): this markup is repeated for every
// service of the overview.
const LINE = "flex leading-5";

export function ContainerTags({ containers }: { containers: ContainerView[] }) {
  return (
    <td className="cell-lines overflow-hidden">
      {containers.map((c) => (
        <div key={c.name} className="tag-line" title={c.image}>
          <span className="shrink-0 text-xs text-muted">{c.name}</span>
          <code className="truncate">{c.tagText}</code>
        </div>
      ))}
    </td>
  );
}

export function ContainerCommits({ containers }: { containers: ContainerView[] }) {
  return (
    <td className="cell-lines">
      {containers.map((c) =>
        c.commit ? (
          <CommitLink key={c.name} sha={c.commit.sha} shortSha={c.commit.shortSha} url={c.commit.url} className={LINE} />
        ) : (
          <div key={c.name} className="leading-5 text-subtle">
            —
          </div>
        ),
      )}
    </td>
  );
}

/**
 * The digest the running tasks actually use; several digests for one container means drift. With more
 * than one container each line names its container (data-container): on a phone the digests sit on
 * their own row, away from the tags that otherwise say whose they are.
 */
export function ContainerDigests({ containers }: { containers: ContainerView[] }) {
  const named = containers.length > 1;
  return (
    <td className="cell-lines">
      {containers.map((c) => {
        const [first, ...others] = c.digests;
        const href = c.digestHref;
        const owner = named ? c.name : undefined;
        if (first === undefined) {
          return (
            <div key={c.name} className="text-xs text-subtle" data-container={owner}>
              no running task
            </div>
          );
        }
        // The common case stays one element: a lone digest with nothing to flag.
        if (others.length === 0 && c.critical === 0) {
          return <Digest key={c.name} value={first} href={href} className={LINE} owner={owner} />;
        }
        return (
          <div key={c.name} className="flex items-center gap-1 leading-5" data-container={owner}>
            <Digest value={first} href={href} />
            {others.length > 0 && (
              <span className="text-xs font-medium text-warn" title={c.digests.join("\n")}>
                +{others.length}
              </span>
            )}
            <RunningScanFlag critical={c.critical} href={href} />
          </div>
        );
      })}
    </td>
  );
}
