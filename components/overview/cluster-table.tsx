import { ErrorCallout } from "@/components/ui/error-callout";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import type { ClusterSection } from "@/lib/queries/types";
import type { OverviewFilter } from "./server-filter";
import { serviceRowView } from "./row-view";
import { ServiceRows } from "./service-row";

/**
 * One cluster's services, a filter group (see apply-filter.ts): hidden while filtering when none of
 * its services match, except when it shows an error.
 */
export function ClusterTable({
  envId,
  envName,
  cluster,
  filter,
  serverNow,
}: {
  envId: string;
  envName: string;
  cluster: ClusterSection;
  filter: OverviewFilter;
  serverNow: number;
}) {
  const headingId = `cluster-${envId}-${cluster.name}`;
  const body = cluster.error ? (
    <div className="p-3">
      <ErrorCallout title={`Could not read cluster ${cluster.name}`} error={cluster.error} />
    </div>
  ) : cluster.services.length === 0 ? (
    <EmptyState title="No services in this cluster" />
  ) : (
    <Table caption={`Services in ${envName} / ${cluster.name}`} className="overview-table">
      <colgroup>
        <col className="w-[15%]" />
        <col className="w-44" />
        <col />
        <col className="w-28" />
        <col className="w-56" />
        <col className="w-32" />
        <col className="w-40" />
        <col className="w-24" />
      </colgroup>
      <THead>
        <tr>
          <Th>Service</Th>
          <Th>Revision</Th>
          <Th>Container · image tag</Th>
          <Th>Commit</Th>
          <Th>Running digest</Th>
          <Th>Tasks</Th>
          <Th>Rollout</Th>
          <Th>Deployed</Th>
        </tr>
      </THead>
      <TBody>
        <ServiceRows rows={cluster.services.map((row) => serviceRowView(row, filter.text(row), !filter.shows(row)))} serverNow={serverNow} />
      </TBody>
    </Table>
  );
  return (
    <section
      aria-labelledby={headingId}
      data-filter-group=""
      data-filter-keep={cluster.error !== undefined ? "" : undefined}
      hidden={filter.showsCluster(cluster) ? undefined : true}
      className="overflow-hidden rounded-lg border border-border bg-surface shadow-xs"
    >
      <h3 id={headingId} className="flex items-center gap-2 border-b border-border px-3 py-2 text-[13px] font-semibold">
        <svg aria-hidden viewBox="0 0 16 16" className="size-3.5 text-subtle" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="2" y="2" width="5" height="5" rx="1" />
          <rect x="9" y="2" width="5" height="5" rx="1" />
          <rect x="2" y="9" width="5" height="5" rx="1" />
          <rect x="9" y="9" width="5" height="5" rx="1" />
        </svg>
        {cluster.name}
        <span className="font-normal text-muted tabular-nums">
          {cluster.services.length} {cluster.services.length === 1 ? "service" : "services"}
        </span>
      </h3>
      {body}
    </section>
  );
}
