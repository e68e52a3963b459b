// The live part of a running operation: per deployment (revision) running / pending / desired, the
// lifecycle stage and blue/green bake time left, and the service's latest events. Fixed-size rows and
// a reserved height so each poll changes numbers, not the layout. The bake time left is the server's
// figure from the latest poll (counted on ECS's clock), never worked out with the browser's clock.
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatClockUtc } from "@/components/ui/time-format";
import { formatDuration } from "@/lib/domain/format";
import type { OperationJson } from "./operation-json";

type Progress = NonNullable<OperationJson["progress"]>;

export function OperationProgress({ progress, running }: { progress: Progress; running: boolean }) {
  const bakeLeft = running ? progress.bakeLeftMs : undefined;
  return (
    <div className="space-y-3">
      <p className="text-sm">{progress.detail}</p>
      <p className="flex flex-wrap gap-x-4 text-xs text-muted">
        {progress.status && <span>deployment {progress.status}</span>}
        {progress.stage && <span>stage {progress.stage}</span>}
        {bakeLeft !== undefined && <span data-testid="bake-left">bake time left {formatDuration(bakeLeft)}</span>}
        {progress.fallback && <span>followed through DescribeServices (no service-deployments API)</span>}
      </p>
      <ul className="space-y-2" aria-label="Deployments">
        {progress.deployments.map((d) => (
          <li key={d.id} className="grid grid-cols-[minmax(0,1fr)_8rem] items-center gap-x-3 gap-y-1 text-xs sm:grid-cols-[10rem_minmax(0,1fr)_12rem]">
            <span className="code truncate" title={d.id}>
              {d.revision} <span className="text-muted">{d.status}</span>
            </span>
            <span className="text-right tabular-nums sm:order-last">
              {d.running} running · {d.pending} pending · {d.desired} desired
            </span>
            <span className="col-span-2 sm:col-span-1">
              <ProgressBar running={d.running} pending={d.pending} desired={d.desired} tone={d.rolloutState === "FAILED" ? "danger" : d.status === "PRIMARY" ? "ok" : "info"} label={`${d.revision} tasks`} />
            </span>
          </li>
        ))}
      </ul>
      {progress.events.length > 0 && (
        <ol className="max-h-48 space-y-1 overflow-y-auto text-xs" aria-label="Latest events">
          {progress.events.map((e, i) => (
            <li key={`${e.at}-${i}`} className="flex gap-2">
              <time dateTime={e.at} className="shrink-0 text-muted tabular-nums">
                {formatClockUtc(new Date(e.at))}
              </time>
              <span className="min-w-0 break-words">{e.message}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
