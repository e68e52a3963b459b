import { CommitLink } from "@/components/ui/commit-link";
import { Digest } from "@/components/ui/digest";
import type { ContainerImage } from "@/lib/queries/types";

// The three per-container columns of a service row. Each container gets one line in every column,
// so a container's tag, commit and digest sit side by side.

export function ContainerTags({ containers }: { containers: ContainerImage[] }) {
  return (
    <ul className="space-y-1">
      {containers.map((c) => (
        <li key={c.container} className="flex min-w-0 items-baseline gap-1.5 leading-5" title={c.image}>
          <span className="shrink-0 text-xs text-muted">{c.container}</span>
          <code className="truncate font-mono text-xs">{c.tag ?? c.reference?.digest?.slice(0, 19) ?? c.image}</code>
        </li>
      ))}
    </ul>
  );
}

export function ContainerCommits({ containers }: { containers: ContainerImage[] }) {
  return (
    <ul className="space-y-1">
      {containers.map((c) => (
        <li key={c.container} className="leading-5">
          {c.commit ? <CommitLink sha={c.commit.sha} shortSha={c.commit.shortSha} url={c.commit.url} /> : <span className="text-subtle">—</span>}
        </li>
      ))}
    </ul>
  );
}

/** The digest the running tasks actually use; several digests for one container means drift. */
export function ContainerDigests({ containers, envId }: { containers: ContainerImage[]; envId: string }) {
  return (
    <ul className="space-y-1">
      {containers.map((c) => (
        <li key={c.container} className="flex items-center gap-1 leading-5">
          {c.runningDigests.length === 0 && <span className="text-xs text-subtle">no running task</span>}
          {c.runningDigests.slice(0, 1).map((d) => (
            <Digest
              key={d}
              value={d}
              href={c.repository ? `/repositories/${envId}/${encodeURIComponent(c.repository)}/images/${d}` : undefined}
            />
          ))}
          {c.runningDigests.length > 1 && (
            <span className="text-xs font-medium text-warn" title={c.runningDigests.join("\n")}>
              +{c.runningDigests.length - 1}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
