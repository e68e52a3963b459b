// What runs now next to what will run (or ran, on an operation page), per container: tag, commit SHA
// with a compare link, digest. A list rather than a table so it reads the same at 390 px.
import { Badge } from "@/components/ui/badge";
import { Digest } from "@/components/ui/digest";
import type { ContainerVersion, Version } from "@/lib/deploy";

function Side({ label, version }: { label: string; version?: ContainerVersion }) {
  if (!version) return <p className="text-xs text-subtle">{label}: not in this revision</p>;
  return (
    <div className="min-w-0 space-y-0.5">
      <p className="text-[11px] font-medium tracking-wide text-muted uppercase">{label}</p>
      <p className="code truncate" title={version.image}>
        {version.tag ?? version.image}
      </p>
      {version.sha && <p className="text-xs">commit <code title={version.sha}>{version.sha.slice(0, 7)}</code></p>}
      {version.digest && <Digest value={version.digest} className="text-xs" />}
    </div>
  );
}

export function VersionTable({
  from,
  to,
  labels = ["Runs now", "Will run"],
  compareUrls = {},
}: {
  from: Version | null;
  to: Version | null;
  labels?: [string, string];
  /** Per container, the git compare link between the two commits. */
  compareUrls?: Record<string, string | undefined>;
}) {
  const names = [...new Set([...(to?.containers ?? []), ...(from?.containers ?? [])].map((c) => c.name))];
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <span className="code">{from?.label ?? "—"}</span> <span aria-hidden>→</span>
        <span className="sr-only">to</span> <span className="code">{to?.label ?? "—"}</span>
      </p>
      <ul className="divide-y divide-border rounded-md border border-border">
        {names.map((name) => {
          const before = from?.containers.find((c) => c.name === name);
          const after = to?.containers.find((c) => c.name === name);
          const changed = to !== null && to.containers.length > 0 && before?.image !== after?.image;
          const compare = compareUrls[name];
          return (
            <li key={name} className="space-y-2 px-3 py-2">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                {name}
                <Badge tone={changed ? "accent" : "neutral"}>{changed ? "image changes" : "unchanged"}</Badge>
                {changed && compare && (
                  <a href={compare} target="_blank" rel="noreferrer" className="text-xs text-accent hover:underline">
                    compare commits ↗
                  </a>
                )}
              </p>
              <div className="grid gap-3 sm:grid-cols-2">
                <Side label={labels[0]} version={before} />
                <Side label={labels[1]} version={after} />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
