// The other targets the plan page offers, each a link that re-plans: earlier revisions of the family
// (an INACTIVE one is cloned, never deployed as it is) and the prod-<sha> images of each container's
// repository with their scan counts. Plain anchors: the lists can be long.
import { ScanCell } from "@/components/images/scan-cell";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/time-format";
import type { ServiceRef } from "@/lib/deploy";
import type { ImageRow, RevisionView } from "@/lib/queries/types";
import { planHref, type PlanAction } from "./target-href";

export interface ContainerImages {
  container: string;
  repository: string;
  images: ImageRow[];
  error?: string;
}

const ITEM = "flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 hover:bg-surface-2/60";
const LINK = "code font-medium text-accent hover:underline focus-visible:underline";

export function RevisionCandidates({ serviceRef: ref, revisions, action }: { serviceRef: ServiceRef; revisions: RevisionView[]; action: PlanAction }) {
  return (
    <ul className="divide-y divide-border" aria-label="Earlier revisions">
      {revisions.map((r) => (
        <li key={r.arn} className={ITEM}>
          {r.isCurrent ? <span className="code font-medium">{r.label}</span> : <a href={planHref(ref, { revision: r.label }, action)} className={LINK}>{r.label}</a>}
          {r.isCurrent && <Badge tone="accent">current</Badge>}
          <Badge tone={r.status === "ACTIVE" ? "ok" : "warn"} title={r.status === "ACTIVE" ? undefined : "An INACTIVE revision is cloned into a new one"}>
            {r.status}
          </Badge>
          <span className="text-xs text-muted">{r.registeredAt ? formatDateTime(new Date(r.registeredAt)) : ""}</span>
          <span className="flex min-w-0 flex-wrap gap-x-3 text-xs">
            {r.containers.map((c) => (
              <span key={c.container} className="inline-flex items-center gap-1">
                <span className="text-muted">{c.container}</span>
                <code>{c.commit?.shortSha ?? c.tag ?? "?"}</code>
                <ScanCell scan={c.scan} nowrap />
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ImageCandidates({ serviceRef: ref, group, action, runningDigests }: { serviceRef: ServiceRef; group: ContainerImages; action: PlanAction; runningDigests: string[] }) {
  if (group.error) return <p className="px-3 py-2 text-xs text-danger">Could not list {group.repository}: {group.error}</p>;
  if (group.images.length === 0) return <p className="px-3 py-2 text-xs text-muted">No prod-&lt;sha&gt; images in {group.repository}.</p>;
  return (
    <ul className="divide-y divide-border" aria-label={`Images of ${group.repository} for container ${group.container}`}>
      {group.images.map((image) => {
        const label = image.commit?.tag ?? image.tags[0] ?? image.digest.slice(0, 19);
        const running = runningDigests.includes(image.digest);
        return (
          <li key={image.digest} className={ITEM}>
            {running ? <span className="code font-medium">{label}</span> : <a href={planHref(ref, { container: group.container, digest: image.digest }, action)} className={LINK}>{label}</a>}
            {running && <Badge tone="accent">running</Badge>}
            <span className="text-xs text-muted">pushed {formatDateTime(new Date(image.pushedAt))}</span>
            <ScanCell scan={image.scan} nowrap />
          </li>
        );
      })}
    </ul>
  );
}
