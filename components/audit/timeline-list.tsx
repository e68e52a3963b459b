import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/time-format";
import { TimeAgo } from "@/components/ui/time-ago";
import type { TimelineOutcome } from "@/lib/domain/timeline-outcome";
import type { TimelineEntry } from "@/lib/queries/timeline-entry";

const OUTCOME_TONE: Record<TimelineOutcome, Tone> = {
  running: "info",
  succeeded: "ok",
  rolled_back: "warn",
  stopped: "warn",
  failed: "danger",
  superseded: "neutral",
  timed_out: "danger",
  partial: "warn",
};

const ACTION_TEXT: Record<TimelineEntry["action"], string> = {
  rollback: "Rollback",
  deploy: "Deploy",
  stop: "Stop and roll back",
  restore: "Restore",
  deployment: "Deployment",
};

function Change({ entry }: { entry: TimelineEntry }) {
  if (entry.from.length === 0 && !entry.to) return null;
  return (
    <p className="font-mono text-xs break-all">
      <span className="text-muted">{entry.from.join(", ") || "—"}</span>
      <span aria-label="to"> → </span>
      <span>{entry.to ?? "—"}</span>
    </p>
  );
}

function Entry({ entry, serverNow }: { entry: TimelineEntry; serverNow: number }) {
  const ours = entry.source === "steady-state";
  return (
    <li className="flex flex-col gap-1.5 px-4 py-3 sm:flex-row sm:gap-4" data-timeline-entry={entry.source}>
      <div className="shrink-0 text-xs sm:w-40">
        <time dateTime={entry.at.toISOString()} className="block tabular-nums">
          {formatDateTime(entry.at)}
        </time>
        <span className="text-muted">
          <TimeAgo at={entry.at.getTime()} serverNow={serverNow} />
        </span>
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-[13px] font-medium">{ACTION_TEXT[entry.action]}</span>
          <Link href={entry.serviceHref} className="text-[13px] font-medium text-accent hover:underline">
            {entry.service}
          </Link>
          <span className="text-xs text-muted">{`${entry.envId} / ${entry.cluster}`}</span>
        </div>
        <div className="flex flex-wrap gap-1">
          {entry.outcome && <Badge tone={OUTCOME_TONE[entry.outcome]}>{entry.outcome.replace("_", " ")}</Badge>}
          {ours ? (
            <Badge tone="accent" title="Made in Steady State, with who did it and why">
              Steady State
            </Badge>
          ) : (
            <Badge title="Made outside the dashboard (CI, console or API); read from ECS">via ECS/CI</Badge>
          )}
          {/* For an outside deployment the outcome already is ECS's status, unless ECS used a word we do not know. */}
          {entry.ecsStatus && (ours || !entry.outcome) && (
            <Badge title="ECS's status of this service deployment">{`ECS: ${entry.ecsStatus.replaceAll("_", " ").toLowerCase()}`}</Badge>
          )}
        </div>
        <Change entry={entry} />
        {entry.actor && (
          <p className="text-xs">
            <span className="font-medium">{entry.actor.name}</span>
            <span className="text-muted">{` (${entry.actor.kind === "token" ? "token, " : ""}${entry.actor.role})`}</span>
          </p>
        )}
        {entry.reason && <p className="text-xs break-words">{`Why: ${entry.reason}`}</p>}
        {entry.detail && <p className="text-xs break-words text-muted">{entry.detail}</p>}
        {entry.operationId && (
          <Link href={entry.href} className="text-xs text-accent hover:underline">
            Operation details
          </Link>
        )}
      </div>
    </li>
  );
}

/** The timeline, newest first: one block per change, which stacks on a phone instead of scrolling sideways. */
export function TimelineList({ entries, serverNow }: { entries: TimelineEntry[]; serverNow: number }) {
  return (
    <ol aria-label="Changes, newest first" className="divide-y divide-border">
      {entries.map((entry) => (
        <Entry key={entry.key} entry={entry} serverNow={serverNow} />
      ))}
    </ol>
  );
}
