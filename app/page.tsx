import { requestTime } from "@/app/_lib/request-time";
import { ClusterTable } from "@/components/overview/cluster-table";
import { FilterCount, FilterEmpty, FilterGroup, FilterProvider } from "@/components/overview/filter-context";
import { FilterInput } from "@/components/overview/filter-input";
import { RolloutCounts } from "@/components/overview/rollout-summary";
import { serviceSearchText } from "@/components/overview/service-row";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { LiveStatus } from "@/components/ui/live-status";
import { PageHeader } from "@/components/ui/page-header";
import { getOverview } from "@/lib/queries/overview";
import type { EnvironmentSection } from "@/lib/queries/types";

export const metadata = { title: "Overview" };

const envTexts = (env: EnvironmentSection) => env.clusters.flatMap((c) => c.services.map(serviceSearchText));
const hasError = (env: EnvironmentSection) => env.error !== undefined || env.clusters.some((c) => c.error !== undefined);

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const serverNow = await requestTime();
  const [overview, params] = await Promise.all([getOverview(), searchParams]);
  const q = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const allTexts = overview.environments.flatMap((e) => e.clusters.flatMap((c) => c.services.map(serviceSearchText)));

  return (
    <FilterProvider initialQuery={q}>
      <PageHeader
        title="What's in prod"
        description="Every service of every environment: the revision it runs, the image and commit behind each container, and how its rollout is going."
        aside={<LiveStatus asOf={overview.asOf} stale={overview.stale} serverNow={serverNow} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <FilterInput placeholder="Filter by service, SHA, tag or image" />
        <FilterCount texts={allTexts} noun="services" />
        <div className="ml-auto">
          <RolloutCounts overview={overview} />
        </div>
      </div>
      <FilterEmpty texts={allTexts}>
        <div className="rounded-lg border border-border bg-surface">
          <EmptyState title="No service matches the filter">Filters match service names, revisions, image tags, commit SHAs and digests. Press Esc to clear.</EmptyState>
        </div>
      </FilterEmpty>
      <div className="space-y-8">
        {overview.environments.map((env) => (
          <FilterGroup key={env.id} texts={envTexts(env)} keepVisible={hasError(env)}>
            <section aria-labelledby={`env-${env.id}`} className="space-y-3">
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
                <ClusterTable key={cluster.name} envId={env.id} envName={env.name} cluster={cluster} serverNow={serverNow} />
              ))}
            </section>
          </FilterGroup>
        ))}
      </div>
    </FilterProvider>
  );
}
