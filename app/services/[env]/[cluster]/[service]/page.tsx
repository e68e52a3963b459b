import { requestTime } from "@/app/_lib/request-time";
import { loadView } from "@/app/_lib/load-view";
import { parseRouteParams } from "@/app/_lib/route-params";
import { ServiceDeploymentsTable } from "@/components/audit/service-deployments-table";
import { RolloutBadge } from "@/components/rollout/rollout-badge";
import { DeploymentsCard } from "@/components/services/deployments-card";
import { EventsCard } from "@/components/services/events-card";
import { RevisionsCard } from "@/components/services/revisions-card";
import { ServiceSummary } from "@/components/services/service-summary";
import { TasksCard } from "@/components/services/tasks-card";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { LiveStatus } from "@/components/ui/live-status";
import { PageHeader } from "@/components/ui/page-header";
import { Unavailable } from "@/components/ui/unavailable";
import { HistoryPager } from "@/components/services/history-pager";
import { paginate } from "@/lib/queries/image-filters";
import { parseOrBadRequest, searchParamsToObject, serviceHistoryQuerySchema, serviceParamsSchema } from "@/lib/queries/params";
import { getServiceDetail } from "@/lib/queries/service-detail";
import { requirePageRole } from "@/app/_lib/page-actor";
import { rolloutInProgress, ServiceActionLinks, StopRolloutCard } from "@/app/_deploy/service-actions";
import { roleAtLeast } from "@/lib/domain/roles";
import { rollbackStatement } from "@/lib/domain/rollback-statement";
import { deployContext, stopsOfService } from "@/lib/deploy";

type Params = Promise<{ env: string; cluster: string; service: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const HISTORY_PAGE_SIZE = 10;

export async function generateMetadata({ params }: { params: Params }) {
  const { service, cluster } = await params;
  return { title: `${service} (${cluster})` };
}

export default async function ServicePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requirePageRole("viewer");
  const canAct = roleAtLeast(actor.role, "deployer");
  const serverNow = await requestTime();
  const { env, cluster, service } = await parseRouteParams(serviceParamsSchema, params);
  const { historyPage } = parseOrBadRequest(serviceHistoryQuerySchema, searchParamsToObject(await searchParams));
  const loaded = await loadView(getServiceDetail(env, cluster, service));
  if (!loaded.ok) {
    return (
      <>
        <PageHeader crumbs={[{ label: "Overview", href: "/" }, { label: env }, { label: cluster }]} title={service} />
        <Unavailable title={`Could not read ${service}`} error={loaded.error} />
      </>
    );
  }
  const detail = loaded.view;
  const history = paginate(detail.serviceDeployments, historyPage, HISTORY_PAGE_SIZE);
  const rollout = detail.row.rollout;
  // Who stopped a rollout is in our store; if it cannot be read, ECS's own words stand.
  const records = detail.serviceDeployments.map((d) => d.record);
  const description =
    rollout.kind === "rolled-back"
      ? await deployContext(actor)
          .then((ctx) => stopsOfService(ctx, { env, cluster, service }))
          .then((stops) => rollbackStatement(rollout, stops, records), () => rollout.detail)
      : rollout.detail;

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Overview", href: "/" }, { label: detail.envName }, { label: cluster }]}
        title={service}
        badges={
          <>
            <RolloutBadge rollout={detail.row.rollout} />
            {detail.drift.drift && <Badge tone="warn">digest drift</Badge>}
          </>
        }
        description={rollout.kind === "stable" ? undefined : description}
        aside={
          <>
            <LiveStatus asOf={detail.asOf} stale={detail.stale} serverNow={serverNow} />
            <a href={detail.row.links.console} target="_blank" rel="noreferrer" className="text-xs text-muted hover:text-fg hover:underline max-md:inline-flex max-md:min-h-11 max-md:items-center">
              AWS console ↗
            </a>
            {canAct && <ServiceActionLinks serviceRef={{ env, cluster, service }} />}
          </>
        }
      />
      <div className="space-y-5">
        {canAct && rolloutInProgress(detail) && <StopRolloutCard serviceRef={{ env, cluster, service }} />}
        <ServiceSummary detail={detail} serverNow={serverNow} />
        <DeploymentsCard deployments={detail.deployments} serverNow={serverNow} />
        <div className="grid grid-cols-1 gap-5 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <TasksCard tasks={detail.tasks} drift={detail.drift} serverNow={serverNow} />
          <EventsCard events={detail.events} />
        </div>
        <RevisionsCard revisions={detail.revisions} total={detail.revisionsTotal} error={detail.revisionsError} envId={env} />
        <Card
          id="deployment-history"
          title="Deployment history"
          description="Service deployments recorded by ECS, including those made by CI or the console (marked via ECS/CI)."
          flush
        >
          {detail.serviceDeploymentsError && (
            <div className="p-3">
              <ErrorCallout title="Could not read the deployment history" error={detail.serviceDeploymentsError} />
            </div>
          )}
          {detail.serviceDeployments.length === 0 && !detail.serviceDeploymentsError ? (
            <EmptyState title="No service deployments recorded">ECS keeps service deployments made with the rolling (ECS) controller.</EmptyState>
          ) : (
            <>
              <ServiceDeploymentsTable rows={history.items} serverNow={serverNow} caption={`Deployment history of ${service}`} />
              {history.pageCount > 1 && (
                <HistoryPager page={historyPage} pageCount={history.pageCount} total={detail.serviceDeployments.length} pageSize={HISTORY_PAGE_SIZE} />
              )}
            </>
          )}
        </Card>
      </div>
    </>
  );
}
