import { requestTime } from "@/app/_lib/request-time";
import { ServiceDeploymentsTable } from "@/components/audit/service-deployments-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { LiveStatus } from "@/components/ui/live-status";
import { PageHeader } from "@/components/ui/page-header";
import { getDeploymentHistory } from "@/lib/queries/deployment-history";
import { requirePageRole } from "@/app/_lib/page-actor";

export const metadata = { title: "Audit" };

export default async function AuditPage() {
  await requirePageRole("viewer");
  const serverNow = await requestTime();
  const history = await getDeploymentHistory();
  const rows = history.entries.map((e) => ({
    record: e.record,
    target: e.target,
    sources: e.sources,
    service: { envId: e.envId, cluster: e.cluster, name: e.service },
  }));
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every service deployment ECS has recorded across all services, newest first, whether made by CI, the console or the API. Rollbacks made from this dashboard, with who did them and why, will be listed here too once rollback ships."
        aside={<LiveStatus asOf={history.asOf} stale={history.stale} serverNow={serverNow} />}
      />
      <div className="space-y-4">
        {history.errors.map((e) => (
          <ErrorCallout
            key={`${e.envId}/${e.cluster ?? ""}/${e.service ?? ""}`}
            title={`Could not read deployments of ${[e.envId, e.cluster, e.service].filter(Boolean).join(" / ")}`}
            error={e.error}
          />
        ))}
        <Card title="Service deployments" description={`${rows.length} deployments`} flush>
          {rows.length === 0 ? (
            <EmptyState title="No deployments recorded">ECS records service deployments made with the rolling (ECS) deployment controller.</EmptyState>
          ) : (
            <ServiceDeploymentsTable rows={rows} serverNow={serverNow} caption="Service deployments across all services" />
          )}
        </Card>
      </div>
    </>
  );
}
