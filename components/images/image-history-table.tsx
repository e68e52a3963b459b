import { Table, TBody, Th, THead } from "@/components/ui/table";
import type { ImageRow } from "@/lib/queries/types";
import { ImageHistoryRows } from "./image-history-rows";

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
        <ImageHistoryRows images={images} basePath={basePath} serverNow={serverNow} />
      </TBody>
    </Table>
  );
}
