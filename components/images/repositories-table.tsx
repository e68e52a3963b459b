import Link from "next/link";
import { RunningIn } from "@/components/images/running-in";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/time-format";
import type { RepositorySummary } from "@/lib/queries/types";

export function RepositoriesTable({ envId, envName, repositories }: { envId: string; envName: string; repositories: RepositorySummary[] }) {
  return (
    <Table caption={`ECR repositories in ${envName}`}>
      <colgroup>
        <col className="w-56" />
        <col className="w-32" />
        <col className="w-28" />
        <col />
        <col className="w-52" />
      </colgroup>
      <THead>
        <tr>
          <Th>Repository</Th>
          <Th>Scan on push</Th>
          <Th>Tags</Th>
          <Th>Runs in</Th>
          <Th>Created</Th>
        </tr>
      </THead>
      <TBody>
        {repositories.map((r) => (
          <tr key={r.arn}>
            <td>
              <div className="flex items-center gap-1">
                <Link href={`/repositories/${envId}/${encodeURIComponent(r.name)}`} className="truncate font-medium text-accent hover:underline max-md:min-w-11 max-md:leading-11">
                  {r.name}
                </Link>
                <CopyButton value={r.uri} label="repository URI" />
              </div>
            </td>
            <td data-label="Scan on push">
              {r.scanOnPush ? (
                <Badge tone="ok">on</Badge>
              ) : (
                <Badge tone="warn" title="Images are not scanned when pushed; findings may be missing">
                  off
                </Badge>
              )}
            </td>
            <td className="text-xs text-muted" data-label="Tags">{r.tagMutability?.toLowerCase() ?? "—"}</td>
            <td>
              <RunningIn locations={r.runningIn} max={6} />
            </td>
            <td className="text-xs text-muted tabular-nums" data-label="Created">{r.createdAt ? formatDateTime(r.createdAt) : "—"}</td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
