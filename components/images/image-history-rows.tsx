"use client";

import { Badge } from "@/components/ui/badge";
import { CommitLink } from "@/components/ui/commit-link";
import { Digest } from "@/components/ui/digest";
import { formatDateTime } from "@/components/ui/time-format";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatBytes } from "@/lib/domain/format";
import type { ImageRow } from "@/lib/queries/types";
import { RunningIn } from "./running-in";
import { ScanCell } from "./scan-cell";
import { TagList } from "./tag-list";

/**
 * The rows of one image-history page. A client component for the same reason as the overview's
 * rows (components/overview/row-view.ts): the page's payload carries each image's data once, not
 * its element tree. Still server-rendered HTML on first paint.
 */
export function ImageHistoryRows({ images, basePath, serverNow }: { images: ImageRow[]; basePath: string; serverNow: number }) {
  return images.map((img) => (
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
  ));
}
