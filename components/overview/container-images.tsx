import { CommitLink } from "@/components/ui/commit-link";
import { Digest } from "@/components/ui/digest";
import type { ContainerImage } from "@/lib/queries/types";
import { criticalCount, RunningScanFlag } from "./running-scan-flag";

// The three per-container cells of a service row. Each container gets one line in every cell, so a
// container's tag, commit and digest sit side by side. The lines sit straight in the cell (no list
// element, and a lone commit or digest is the line itself): this markup is repeated for every
// service of the overview.
const LINE = "flex leading-5";

export function ContainerTags({ containers }: { containers: ContainerImage[] }) {
  return (
    <td className="space-y-1 overflow-hidden">
      {containers.map((c) => (
        <div key={c.container} className="flex min-w-0 items-baseline gap-1.5 leading-5" title={c.image}>
          <span className="shrink-0 text-xs text-muted">{c.container}</span>
          <code className="truncate">{c.tag ?? c.reference?.digest?.slice(0, 19) ?? c.image}</code>
        </div>
      ))}
    </td>
  );
}

export function ContainerCommits({ containers }: { containers: ContainerImage[] }) {
  return (
    <td className="space-y-1">
      {containers.map((c) =>
        c.commit ? (
          <CommitLink key={c.container} sha={c.commit.sha} shortSha={c.commit.shortSha} url={c.commit.url} className={LINE} />
        ) : (
          <div key={c.container} className="leading-5 text-subtle">
            —
          </div>
        ),
      )}
    </td>
  );
}

/** The digest the running tasks actually use; several digests for one container means drift. */
export function ContainerDigests({ containers, envId }: { containers: ContainerImage[]; envId: string }) {
  return (
    <td className="space-y-1">
      {containers.map((c) => {
        const [first, ...others] = c.runningDigests;
        const href = c.repository && first ? `/repositories/${envId}/${encodeURIComponent(c.repository)}/images/${first}` : undefined;
        if (first === undefined) {
          return (
            <div key={c.container} className="text-xs text-subtle">
              no running task
            </div>
          );
        }
        // The common case stays one element: a lone digest with nothing to flag.
        if (others.length === 0 && criticalCount(c.runningScan) === 0) {
          return <Digest key={c.container} value={first} href={href} className={LINE} />;
        }
        return (
          <div key={c.container} className="flex items-center gap-1 leading-5">
            <Digest value={first} href={href} />
            {others.length > 0 && (
              <span className="text-xs font-medium text-warn" title={c.runningDigests.join("\n")}>
                +{others.length}
              </span>
            )}
            <RunningScanFlag scan={c.runningScan} href={href} />
          </div>
        );
      })}
    </td>
  );
}
