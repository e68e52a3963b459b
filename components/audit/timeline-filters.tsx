import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TIMELINE_OUTCOMES } from "@/lib/domain/timeline-outcome";
import type { TimelineFilters as Filters } from "@/lib/queries/timeline-query";
import type { TimeWindow } from "@/lib/domain/time-window";

const LABEL = "text-[11px] font-medium tracking-wide text-muted uppercase";
const FIELD = "h-11 sm:h-9 w-full rounded-md border border-border-strong bg-surface px-2.5 text-[13px] placeholder:text-subtle";
const WINDOWS = [
  ["1h", "Last hour"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
  ["custom", "From / to below"],
] as const;

/** `2026-12-01T10:00` for a datetime-local field, in UTC like every time on the dashboard. */
const localValue = (d: Date) => d.toISOString().slice(0, 16);

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * The timeline's filters as a plain GET form: works without JavaScript, and a filtered view is a URL
 * to paste into the incident channel. A grid that collapses to two columns on a phone, with 44-px
 * fields and buttons there for touch.
 */
export function TimelineFilters({ filters, window, environments }: { filters: Filters; window: TimeWindow; environments: { id: string; name: string }[] }) {
  const custom = window.preset === "custom";
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter the timeline" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-4 lg:grid-cols-8">
      <Field id="tl-env" label="Environment">
        <select id="tl-env" name="env" defaultValue={filters.env ?? ""} className={FIELD}>
          <option value="">All</option>
          {environments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tl-cluster" label="Cluster">
        <input id="tl-cluster" name="cluster" defaultValue={filters.cluster ?? ""} placeholder="Any" autoComplete="off" spellCheck={false} className={FIELD} />
      </Field>
      <Field id="tl-service" label="Service">
        <input id="tl-service" name="service" defaultValue={filters.service ?? ""} placeholder="Any" autoComplete="off" spellCheck={false} className={FIELD} />
      </Field>
      <Field id="tl-actor" label="Who">
        <input id="tl-actor" name="actor" defaultValue={filters.actor ?? ""} placeholder="Email or token" autoComplete="off" spellCheck={false} className={FIELD} />
      </Field>
      <Field id="tl-outcome" label="Outcome">
        <select id="tl-outcome" name="outcome" defaultValue={filters.outcome ?? ""} className={FIELD}>
          <option value="">Any</option>
          {TIMELINE_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o.replace("_", " ")}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tl-source" label="Made">
        <select id="tl-source" name="source" defaultValue={filters.source ?? ""} className={FIELD}>
          <option value="">Anywhere</option>
          <option value="ours">In Steady State</option>
          <option value="outside">Outside (CI, console)</option>
        </select>
      </Field>
      <Field id="tl-window" label="When">
        <select id="tl-window" name="window" defaultValue={window.preset} className={FIELD}>
          {WINDOWS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <div className="col-span-2 flex items-end gap-3 sm:col-span-1 lg:col-span-1">
        <Button type="submit" variant="primary" className="h-11 sm:h-9">
          Apply
        </Button>
        <Link href="/audit" className="flex h-11 items-center px-2 text-xs text-muted hover:text-fg hover:underline sm:h-9">
          Clear
        </Link>
      </div>
      <Field id="tl-from" label="From (UTC)">
        <input id="tl-from" name="from" type="datetime-local" defaultValue={custom ? localValue(window.from) : ""} className={FIELD} />
      </Field>
      <Field id="tl-to" label="To (UTC)">
        <input id="tl-to" name="to" type="datetime-local" defaultValue={custom ? localValue(window.to) : ""} className={FIELD} />
      </Field>
    </form>
  );
}
