import { requestTime } from "@/app/_lib/request-time";
import { ClusterTable } from "@/components/overview/cluster-table";
import { filterCountLabel } from "@/components/overview/filter-match";
import { FilterInput } from "@/components/overview/filter-input";
import { RolloutCounts } from "@/components/overview/rollout-summary";
import { OverviewFilter, showsFailure } from "@/components/overview/server-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { LiveStatus } from "@/components/ui/live-status";
import { PageHeader } from "@/components/ui/page-header";
import { getOverview } from "@/lib/queries/overview";
import { requirePageRole } from "@/app/_lib/page-actor";

// The root layout's title template applies to child segments only, not to this page of its own segment.
export const metadata = { title: { absolute: "Overview · Steady State" } };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("viewer");
  const serverNow = await requestTime();
  const [overview, params] = await Promise.all([getOverview(), searchParams]);
  const q = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  // Rows, groups, the count and the empty state are plain HTML with data-filter-* markers: the
  // server applies ?q= here, the FilterInput island re-applies it in the browser (apply-filter.ts).
  const filter = new OverviewFilter(overview, q);

  return (
    <>
      <PageHeader
        title="What's in prod"
        description="Every service of every environment: the revision it runs, the image and commit behind each container, and how its rollout is going."
        aside={<LiveStatus asOf={overview.asOf} stale={overview.stale} serverNow={serverNow} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <FilterInput placeholder="Filter by service, SHA, tag or image" initialQuery={q} renderToken={serverNow} />
        <span data-filter-count="services" aria-live="polite" className="text-xs text-muted tabular-nums">
          {filterCountLabel(filter.shown, filter.total, filter.active, "services")}
        </span>
        <div className="ml-auto">
          <RolloutCounts overview={overview} />
        </div>
      </div>
      <div data-filter-empty="" hidden={filter.active && filter.shown === 0 ? undefined : true} className="rounded-lg border border-border bg-surface">
        <EmptyState title="No service matches the filter">Filters match service names, revisions, image tags, commit SHAs and digests. Press Esc to clear.</EmptyState>
      </div>
      {/* flex + gap rather than space-y: sections the filter hides must not leave their margins behind. */}
      <div className="flex flex-col gap-8">
        {overview.environments.map((env) => (
          <section
            key={env.id}
            aria-labelledby={`env-${env.id}`}
            data-filter-group=""
            data-filter-keep={showsFailure(env) ? "" : undefined}
            hidden={filter.showsEnvironment(env) ? undefined : true}
            className="flex flex-col gap-3"
          >
            <h2 id={`env-${env.id}`} className="flex items-baseline gap-2 text-sm font-semibold">
              {env.name}
              <span className="font-mono text-xs font-normal text-muted">
                {env.accountId ? `${env.accountId} · ` : ""}
                {env.region}
              </span>
            </h2>
            {env.error && <ErrorCallout title={`Could not read environment ${env.name}`} error={env.error} />}
            {!env.error && env.clusters.length === 0 && (
              <div className="rounded-lg border border-border bg-surface">
                <EmptyState title="No clusters">This environment has no ECS clusters the dashboard is configured to show.</EmptyState>
              </div>
            )}
            {env.clusters.map((cluster) => (
              <ClusterTable key={cluster.name} envId={env.id} envName={env.name} cluster={cluster} filter={filter} serverNow={serverNow} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}
