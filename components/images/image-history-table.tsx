import { Badge } from "@/components/ui/badge";
import { CommitLink } from "@/components/ui/commit-link";
import { Digest } from "@/components/ui/digest";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/time-format";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatBytes } from "@/lib/domain/format";
import type { ImageRow } from "@/lib/queries/types";
import { RunningIn } from "./running-in";
import { ScanCell } from "./scan-cell";
import { TagList } from "./tag-list";

/** One page of a repository's images, newest first. */
export function ImageHistoryTable({ images, basePath, serverNow }: { images: ImageRow[]; basePath: string; serverNow: number }) {
  return (
    <Table caption="Images, newest first">
      <colgroup>
        <col />
        <col className="w-24" />
        <col className="w-44" />
        <col className="w-40" />
        <col className="w-20" />
        <col className="w-64" />
        <col className="w-44" />
      </colgroup>
      <THead>
        <tr>
          <Th>Tags</Th>
          <Th>Commit</Th>
          <Th>Digest</Th>
          <Th>Pushed</Th>
          <Th className="text-right">Size</Th>
          <Th>Scan</Th>
          <Th>Runs in</Th>
        </tr>
      </THead>
      <TBody>
        {images.map((img) => (
          <tr key={img.digest} className={img.runningIn.length > 0 ? "bg-ok-soft/30 hover:bg-surface-2/60" : undefined}>
            <td>
              <div className="flex flex-col gap-1">
                <TagList tags={img.tags} commitTag={img.commit?.tag} />
                {img.expiresByLifecycle && (
                  <span>
                    <Badge tone="warn" title={img.expiresByLifecycle.description}>
                      expires by lifecycle rule {img.expiresByLifecycle.rulePriority}
                    </Badge>
                  </span>
                )}
              </div>
            </td>
            <td>{img.commit ? <CommitLink sha={img.commit.sha} shortSha={img.commit.shortSha} url={img.commit.url} /> : <span className="text-subtle">—</span>}</td>
            <td>
              <Digest value={img.digest} href={`${basePath}/images/${img.digest}`} />
            </td>
            <td className="text-xs">
              <span className="block tabular-nums">{formatDateTime(img.pushedAt)}</span>
              <span className="text-muted">
                <TimeAgo at={img.pushedAt.getTime()} serverNow={serverNow} />
              </span>
            </td>
            <td className="text-right text-xs tabular-nums">{img.sizeInBytes !== undefined ? formatBytes(img.sizeInBytes) : "—"}</td>
            <td>
              <ScanCell scan={img.scan} />
            </td>
            <td>
              <RunningIn locations={img.runningIn} />
            </td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
