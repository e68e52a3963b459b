import Link from "next/link";
import { ScanCell } from "@/components/images/scan-cell";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CommitLink } from "@/components/ui/commit-link";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/time-format";
import { arnResourceTail } from "@/lib/domain/arn";
import type { UserFacingError } from "@/lib/errors";
import type { RevisionContainer, RevisionView } from "@/lib/queries/types";

function ImageCell({ c, envId }: { c: RevisionContainer; envId: string }) {
  const label = <code className="truncate">{c.tag ?? c.digest?.slice(0, 19) ?? c.image}</code>;
  return (
    <div className="flex min-w-0 items-center gap-1.5 max-md:min-h-11" title={c.image}>
      <span className="w-20 shrink-0 truncate text-xs text-muted">{c.container}</span>
      {c.repository && c.digest ? (
        <Link href={`/repositories/${envId}/${encodeURIComponent(c.repository)}/images/${c.digest}`} className="min-w-0 truncate text-accent hover:underline max-md:leading-11">
          {label}
        </Link>
      ) : (
        label
      )}
      {c.imageExists === false && (
        <Badge tone="danger" title="The image this revision references is no longer in ECR (expired by lifecycle policy or deleted); deploying it would fail">
          image gone from ECR
        </Badge>
      )}
    </div>
  );
}

/** The task-definition family's revisions, newest first, with images, commits and scan results. */
export function RevisionsCard({
  revisions,
  total,
  error,
  envId,
}: {
  revisions: RevisionView[];
  total: number;
  error?: UserFacingError;
  envId: string;
}) {
  const description = total > revisions.length ? `Newest ${revisions.length} of ${total} revisions` : `${total} revisions`;
  return (
    <Card title="Revision history" description={description} flush>
      {error && (
        <div className="p-3">
          <ErrorCallout title="Could not read the revision history" error={error} />
        </div>
      )}
      <Table caption="Task-definition revisions">
        <colgroup>
          <col className="w-36" />
          <col className="w-24" />
          <col />
          <col className="w-28" />
          <col className="w-80" />
          <col className="w-40" />
        </colgroup>
        <THead>
          <tr>
            <Th>Revision</Th>
            <Th>Status</Th>
            <Th>Container · image</Th>
            <Th>Commit</Th>
            <Th>Scan</Th>
            <Th>Registered</Th>
          </tr>
        </THead>
        <TBody>
          {revisions.map((r) => (
            <tr key={r.arn} className={r.isCurrent ? "bg-accent-soft/40 hover:bg-surface-2/60" : undefined}>
              <td>
                <div className="flex items-center gap-1.5">
                  <code title={r.arn}>
                    {r.label}
                  </code>
                  {r.isCurrent && <Badge tone="accent">current</Badge>}
                </div>
              </td>
              <td>
                <Badge tone={r.status === "ACTIVE" ? "ok" : "neutral"}>{r.status}</Badge>
              </td>
              <td className="overflow-hidden" data-wide="">
                <div className="space-y-1">
                  {r.containers.map((c) => (
                    <ImageCell key={c.container} c={c} envId={envId} />
                  ))}
                </div>
              </td>
              <td className="max-md:w-24">
                <div className="space-y-1">
                  {r.containers.map((c) => (
                    <div key={c.container} className="h-5 max-md:h-11">
                      {c.commit ? <CommitLink sha={c.commit.sha} shortSha={c.commit.shortSha} url={c.commit.url} /> : <span className="text-subtle">—</span>}
                    </div>
                  ))}
                </div>
              </td>
              <td className="max-md:flex-1">
                <div className="space-y-1">
                  {r.containers.map((c) => (
                    <div key={c.container} className="flex h-5 items-center overflow-hidden max-md:h-11">
                      {c.imageExists === false ? <span className="text-xs text-subtle">—</span> : <ScanCell scan={c.scan} nowrap />}
                    </div>
                  ))}
                </div>
              </td>
              <td className="text-xs text-muted" data-label="Registered">
                {r.registeredAt ? formatDateTime(r.registeredAt) : "—"}
                {r.registeredBy && (
                  <span className="block truncate" title={r.registeredBy}>
                    by {arnResourceTail(r.registeredBy)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
