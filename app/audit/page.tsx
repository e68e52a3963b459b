import { requestTime } from "@/app/_lib/request-time";
import { requirePageRole } from "@/app/_lib/page-actor";
import { roleAtLeast } from "@/lib/domain/roles";
import { TimelineFilters } from "@/components/audit/timeline-filters";
import { TimelineList } from "@/components/audit/timeline-list";
import { TimelinePager } from "@/components/audit/timeline-pager";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { LiveStatus } from "@/components/ui/live-status";
import { PageHeader } from "@/components/ui/page-header";
import { getConfig } from "@/lib/config";
import { BadRequestError } from "@/lib/errors";
import { searchParamsToObject } from "@/lib/queries/params";
import { getTimeline, type Timeline } from "@/lib/queries/timeline";
import { parseTimelineQuery, timelineSearchParams, type TimelineQuery } from "@/lib/queries/timeline-query";

export const metadata = { title: "Audit" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DESCRIPTION =
  "What changed, newest first: rollbacks and deploys made here (who, why, from → to, outcome) and the deployments ECS recorded from CI, the console or the API.";

async function load(params: Record<string, string>, now: Date): Promise<{ query: TimelineQuery; timeline: Timeline } | { invalid: string }> {
  try {
    const query = parseTimelineQuery(params, now);
    return { query, timeline: await getTimeline(query, { now }) };
  } catch (error) {
    // proxy.ts answers malformed filters with a 400 first; a cursor the store refuses is only found here.
    if (error instanceof BadRequestError) return { invalid: error.message };
    throw error;
  }
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageRole("viewer");
  const serverNow = await requestTime();
  const loaded = await load(searchParamsToObject(await searchParams), new Date(serverNow));
  if ("invalid" in loaded) {
    return (
      <>
        <PageHeader title="Audit" description={DESCRIPTION} />
        <ErrorCallout title="These filters are not valid" error={{ message: loaded.invalid, action: "Clear the filters and choose them again." }} />
      </>
    );
  }
  const { query, timeline } = loaded;
  const baseQuery = timelineSearchParams(query).toString();
  const exportHref = (format: string) => `/api/v1/timeline?${baseQuery ? `${baseQuery}&` : ""}format=${format}`;
  const environments = getConfig().environments.map((e) => ({ id: e.id, name: e.name }));
  return (
    <>
      <PageHeader
        title="Audit"
        description={DESCRIPTION}
        aside={<LiveStatus asOf={timeline.asOf} stale={timeline.stale} serverNow={serverNow} live={!query.cursor} />}
      />
      <div className="space-y-4">
        <Card>
          <TimelineFilters filters={query.filters} window={query.window} environments={environments} />
        </Card>
        {timeline.errors.map((e) => (
          <ErrorCallout
            key={`${e.envId}/${e.cluster ?? ""}/${e.service ?? ""}`}
            title={`Could not read the deployments of ${[e.envId, e.cluster, e.service].filter(Boolean).join(" / ")}`}
            error={e.error}
          />
        ))}
        <Card
          title="What changed?"
          description={`Between ${timeline.window.from.toISOString().slice(0, 16).replace("T", " ")} and ${timeline.window.to.toISOString().slice(0, 16).replace("T", " ")} UTC`}
          actions={
            <span className="flex gap-2">
              <ButtonLink href={exportHref("csv")}>Export CSV</ButtonLink>
              <ButtonLink href={exportHref("json")}>Export JSON</ButtonLink>
            </span>
          }
          flush
        >
          {timeline.entries.length === 0 ? (
            <EmptyState title="Nothing changed in this window">Widen the time window or clear the filters.</EmptyState>
          ) : (
            <>
              <TimelineList entries={timeline.entries} serverNow={serverNow} canRestore={roleAtLeast(actor.role, "deployer")} />
              <TimelinePager baseQuery={baseQuery} nextCursor={timeline.nextCursor} paged={query.cursor !== undefined} shown={timeline.entries.length} />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
