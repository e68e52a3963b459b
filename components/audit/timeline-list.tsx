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

/** Which commit was deployed and, for a CI deployment, the run that made it. */
function Provenance({ entry }: { entry: TimelineEntry }) {
  if (entry.commits.length === 0 && !entry.runUrl) return null;
  const named = entry.commits.length > 1;
  return (
    <p className="flex flex-wrap items-center gap-x-3 text-xs" data-provenance>
      {entry.commits.map((c) => {
        const label = `commit ${c.shortSha}${named ? ` (${c.container})` : ""}`;
        return c.url ? (
          <a key={c.container} href={c.url} className="font-mono text-accent hover:underline" title={c.sha}>
            {label}
          </a>
        ) : (
          <span key={c.container} className="font-mono" title={c.sha}>
            {label}
          </span>
        );
      })}
      {entry.runUrl && (
        <a href={entry.runUrl} className="text-accent hover:underline" rel="noreferrer" target="_blank">
          CI run ↗
        </a>
      )}
    </p>
  );
}

/** The moment an entry's change had settled: "restore to here" puts the environment back as it was then. */
const restoreHref = (entry: TimelineEntry) => `/environments/${encodeURIComponent(entry.envId)}/restore?at=${encodeURIComponent((entry.finishedAt ?? entry.at).toISOString())}`;

/** A restore's children, one rollback per service, folded under it. */
function Children({ entries }: { entries: TimelineEntry[] }) {
  return (
    <details className="text-xs" data-restore-children>
      <summary className="cursor-pointer py-1 text-accent">{`${entries.length} service${entries.length === 1 ? "" : "s"}`}</summary>
      <ul className="mt-1 space-y-1.5 border-l border-border pl-3">
        {entries.map((child) => (
          <li key={child.key} className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link href={child.serviceHref} className="font-medium text-accent hover:underline">{`${child.cluster}/${child.service}`}</Link>
            {child.outcome && <Badge tone={OUTCOME_TONE[child.outcome]}>{child.outcome.replace("_", " ")}</Badge>}
            <span className="font-mono break-all text-muted">{`${child.from.join(", ") || "—"} → ${child.to ?? "—"}`}</span>
            <Link href={child.href} className="text-accent hover:underline">
              Operation
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Entry({ entry, serverNow, canRestore }: { entry: TimelineEntry; serverNow: number; canRestore: boolean }) {
  const ours = entry.source === "steady-state";
  const restore = entry.action === "restore";
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
          {restore ? (
            <span className="text-[13px] font-medium">{`${entry.envId}: ${entry.children?.length ?? 0} services`}</span>
          ) : (
            <>
              <Link href={entry.serviceHref} className="text-[13px] font-medium text-accent hover:underline">
                {entry.service}
              </Link>
              <span className="text-xs text-muted">{`${entry.envId} / ${entry.cluster}`}</span>
            </>
          )}
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
        <Provenance entry={entry} />
        {entry.actor && (
          <p className="text-xs">
            <span className="font-medium">{entry.actor.name}</span>
            <span className="text-muted">{` (${entry.actor.kind === "token" ? "token, " : ""}${entry.actor.role})`}</span>
          </p>
        )}
        {entry.reason && <p className="text-xs break-words">{`Why: ${entry.reason}`}</p>}
        {entry.detail && <p className="text-xs break-words text-muted">{entry.detail}</p>}
        {entry.children && entry.children.length > 0 && <Children entries={entry.children} />}
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {entry.operationId && (
            <Link href={entry.href} className="text-xs text-accent hover:underline">
              Operation details
            </Link>
          )}
          {/* Plain anchor: a link per row would prefetch every row's plan, which reads AWS fresh. */}
          {canRestore && (
            <a href={restoreHref(entry)} className="text-xs text-accent hover:underline" data-restore-link>
              Restore to here
            </a>
          )}
        </div>
      </div>
    </li>
  );
}

/** The timeline, newest first: one block per change, which stacks on a phone instead of scrolling sideways. */
export function TimelineList({ entries, serverNow, canRestore = false }: { entries: TimelineEntry[]; serverNow: number; canRestore?: boolean }) {
  return (
    <ol aria-label="Changes, newest first" className="divide-y divide-border">
      {entries.map((entry) => (
        <Entry key={entry.key} entry={entry} serverNow={serverNow} canRestore={canRestore} />
      ))}
    </ol>
  );
}
