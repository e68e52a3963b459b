"use client";
// The operation page's live island: it polls GET /api/v1/operations/{id} every second while the
// operation runs and stops when it ends. It only reads: the server's follower drives the operation,
// so closing the browser changes nothing. Status changes are announced to screen readers.
import { useEffect, useState, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatDateTimeSeconds } from "@/components/ui/time-format";
import { formatDuration } from "@/lib/domain/format";
import { outcomeDetailOf, type OperationJson } from "./operation-json";
import { OperationProgress } from "./operation-progress";
import { OperationStatus } from "./operation-status";
import { VersionTable } from "./version-table";

const POLL_MS = 1000;

/** The operation as the API says now, polled every second while it runs; `lost` while the API does not answer. */
export function usePolledOperation(initial: OperationJson): { op: OperationJson; lost: boolean } {
  const [op, setOp] = useState(initial);
  const [lost, setLost] = useState(false);
  const running = op.status === "running";
  useEffect(() => {
    if (!running) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(`/api/v1/operations/${encodeURIComponent(initial.id)}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as OperationJson;
        if (!cancelled) {
          setOp(next);
          setLost(false);
        }
      } catch {
        if (!cancelled) setLost(true);
      }
      if (!cancelled) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [running, initial.id]);
  return { op, lost };
}

/**
 * Status, how long it ran, when it started, and whether the page lost contact; `extra` goes beside them.
 * `serverNow` is a server time (the render's, or the latest poll's): the browser's clock may be anywhere.
 */
export function StatusLine({ op, serverNow, lost, extra }: { op: OperationJson; serverNow: number; lost: boolean; extra?: ReactNode }) {
  const ended = op.finishedAt ? new Date(op.finishedAt).getTime() : serverNow;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <p aria-live="polite" className="flex items-center gap-2 text-sm">
        <span className="sr-only">Status:</span>
        <OperationStatus status={op.status} />
      </p>
      {extra}
      <p className="text-sm tabular-nums">
        {op.status === "running" ? "running for" : "took"} {formatDuration(Math.max(0, ended - new Date(op.startedAt).getTime()))}
      </p>
      <p className="text-xs text-muted">
        started <time dateTime={op.startedAt}>{formatDateTimeSeconds(new Date(op.startedAt))}</time>
      </p>
      {lost && <p className="text-xs text-warn">Lost contact with the dashboard; retrying every second (the operation continues on the server).</p>}
    </div>
  );
}

/** The latest server time the page has seen: the render's, or the newest progress a poll brought. */
export function latestServerTime(serverNow: number, ops: readonly Pick<OperationJson, "progress">[]): number {
  return Math.max(serverNow, ...ops.map((o) => (o.progress ? new Date(o.progress.at).getTime() : 0)));
}

export function OperationLive({ initial, serverNow, stopSlot }: { initial: OperationJson; serverNow: number; stopSlot?: ReactNode }) {
  const { op, lost } = usePolledOperation(initial);
  const detail = outcomeDetailOf(op);
  const running = op.status === "running";
  return (
    <div className="space-y-5">
      <Card>
        <StatusLine op={op} serverNow={latestServerTime(serverNow, [op])} lost={lost} />
        {!running && (
          <div className="mt-3 space-y-2" aria-label="Outcome">
            {op.outcomeReason && <p className="text-sm font-medium">{op.outcomeReason}</p>}
            {detail.ecsReason && detail.ecsReason !== op.outcomeReason && <p className="text-sm">ECS: {detail.ecsReason}</p>}
            {detail.fallback && <p className="text-xs text-muted">Classified from DescribeServices: the service-deployments API was not available.</p>}
            {detail.stoppedTasks && detail.stoppedTasks.length > 0 && (
              <ul className="list-disc space-y-1 pl-5 text-xs" aria-label="Why tasks stopped">
                {detail.stoppedTasks.map((t) => (
                  <li key={`${t.task}-${t.reason}`}>
                    <code>{t.revision}</code> task <code>{t.task.slice(0, 12)}</code>: {t.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {running && stopSlot && <div className="mt-4 border-t border-border pt-3">{stopSlot}</div>}
      </Card>
      <Card title="From → to">
        <VersionTable from={op.from} to={op.to} labels={["Before", "After"]} />
      </Card>
      {op.progress && (
        <Card title={running ? "Progress" : "Last progress seen"}>
          <div className="min-h-32">
            <OperationProgress progress={op.progress} running={running} />
          </div>
        </Card>
      )}
      <Card title="Steps">
        <ol className="space-y-1.5 text-sm" aria-label="Steps">
          {op.steps.map((s, i) => (
            <li key={`${s.at}-${i}`} className="flex gap-2">
              <span className={s.ok ? "text-ok" : "text-danger"} aria-label={s.ok ? "ok" : "failed"}>
                {s.ok ? "✓" : "✗"}
              </span>
              <span className="min-w-0 break-words">
                <span className="font-medium">{s.name}</span> <span className="text-xs text-muted">{formatDateTimeSeconds(new Date(s.at))}</span> — {s.message}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
