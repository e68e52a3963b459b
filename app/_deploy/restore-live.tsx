"use client";
// A restore's page, live: its status and outcome, and every child (one rollback per service) with its
// own status and a link to its page, polled every second while the restore runs. Only reads: the
// server follows each child, so closing the browser changes nothing.
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { formatDateTimeSeconds } from "@/components/ui/time-format";
import type { OperationJson } from "./operation-json";
import { latestServerTime, StatusLine, usePolledOperation } from "./operation-live";
import { OperationStatus } from "./operation-status";

function Children({ children }: { children: OperationJson[] }) {
  return (
    <Table caption="One rollback per service">
      <THead>
        <tr>
          <Th className="w-48">Service</Th>
          <Th className="w-40">Status</Th>
          <Th>From → to</Th>
          <Th>Outcome</Th>
        </tr>
      </THead>
      <TBody>
        {children.map((c) => (
          <tr key={c.id} data-restore-child={`${c.service.cluster}/${c.service.service}`} data-status={c.status}>
            <td>
              <a href={`/operations/${encodeURIComponent(c.id)}`} className="font-medium text-accent hover:underline">
                {c.service.service}
              </a>
              <span className="block text-xs text-muted">{c.service.cluster}</span>
            </td>
            <td data-label="Status">
              <OperationStatus status={c.status} />
            </td>
            <td className="font-mono text-xs break-all" data-label="Change">{`${c.from?.label ?? "?"} → ${c.to?.label ?? "?"}`}</td>
            <td className="text-xs break-words" data-wide>
              {c.outcomeReason ?? (c.status === "running" ? "ECS is rolling it out." : "")}
            </td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

export function RestoreLive({ initial, serverNow, stopSlot }: { initial: OperationJson; serverNow: number; stopSlot?: ReactNode }) {
  const { op, lost } = usePolledOperation(initial);
  const running = op.status === "running";
  const children = op.children ?? [];
  const done = children.filter((c) => c.status !== "running").length;
  return (
    <div className="space-y-5">
      <Card>
        <StatusLine op={op} serverNow={latestServerTime(serverNow, [op, ...(op.children ?? [])])} lost={lost} extra={<p className="text-sm tabular-nums">{`${done} of ${children.length} services ended`}</p>} />
        {!running && op.outcomeReason && (
          <p className="mt-3 text-sm font-medium" aria-label="Outcome">
            {op.outcomeReason}
          </p>
        )}
        {running && stopSlot && <div className="mt-4 border-t border-border pt-3">{stopSlot}</div>}
      </Card>
      <Card title="Services" flush>
        <Children>{children}</Children>
      </Card>
      <Card title="Steps">
        <ol className="space-y-1.5 text-sm" aria-label="Steps">
          {op.steps.map((s, i) => (
            <li key={`${s.at}-${i}`} className="break-words">
              <span className="font-medium">{s.name}</span> <span className="text-xs text-muted">{formatDateTimeSeconds(new Date(s.at))}</span> — {s.message}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
