// The rollback / deploy page: the suggested target first with why, then the plan for the chosen target
// (what runs now vs what will run, every other field that changes, the preflight, the strategy), the
// confirm form for deployers, and below it every other target as a link that re-plans.
import { randomUUID } from "node:crypto";
import { RevisionCandidates, ImageCandidates } from "@/app/_deploy/candidate-targets";
import { ConfirmForm } from "@/app/_deploy/confirm-form";
import { confirmGate, confirmHidden, scanSides } from "@/app/_deploy/confirm-gate";
import { PlanDiff } from "@/app/_deploy/plan-diff";
import { PreflightChecks } from "@/app/_deploy/preflight-checks";
import { servicePath, type PlanAction } from "@/app/_deploy/target-href";
import { VersionTable } from "@/app/_deploy/version-table";
import { loadView } from "@/app/_lib/load-view";
import { requirePageRole } from "@/app/_lib/page-actor";
import { parseRouteParams } from "@/app/_lib/route-params";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { PageHeader } from "@/components/ui/page-header";
import { Unavailable } from "@/components/ui/unavailable";
import { roleAtLeast } from "@/lib/domain/roles";
import { targetFromQuery } from "@/lib/deploy";
import { searchParamsToObject, serviceParamsSchema } from "@/lib/queries/params";
import { loadPlanPage } from "./load-plan-page";

type Params = Promise<{ env: string; cluster: string; service: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }) {
  const { service } = await params;
  return { title: `Roll back or deploy ${service}` };
}

const VERDICT = { ok: "ok", warn: "warn", block: "danger" } as const;

export default async function PlanPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const actor = await requirePageRole("viewer");
  const ref = await parseRouteParams(serviceParamsSchema, params);
  const query = new URLSearchParams(searchParamsToObject(await searchParams));
  const action: PlanAction = query.get("action") === "deploy" ? "deploy" : "rollback";
  const verb = action === "deploy" ? "Deploy" : "Roll back";
  const crumbs = [{ label: "Overview", href: "/" }, { label: ref.env }, { label: ref.cluster }, { label: ref.service, href: servicePath(ref) }];
  const target = targetFromQuery(query);
  if (!target.success) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={`${verb} ${ref.service}`} />
        <ErrorCallout title="This target is not valid" error={{ message: target.error.issues[0]?.message ?? "invalid target", action: "Pick a revision or an image from the service page." }} />
      </>
    );
  }
  const loaded = await loadView(loadPlanPage(actor, ref, target.data));
  if (!loaded.ok) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={`${verb} ${ref.service}`} />
        <Unavailable title={`Could not read ${ref.service}`} error={loaded.error} />
      </>
    );
  }
  const { detail, plan, planError, images } = loaded.view;
  const canAct = roleAtLeast(actor.role, "deployer");
  const runningDigests = (name: string) => detail.row.containers.find((c) => c.container === name)?.runningDigests ?? [];

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={`${verb} ${ref.service}`}
        badges={plan && <Badge tone={VERDICT[plan.preflight.verdict]}>preflight {plan.preflight.verdict}</Badge>}
        description={plan ? plan.plan.summary : undefined}
      />
      <div className="space-y-5">
        {planError && <ErrorCallout title="No plan for this target" error={planError} />}
        {plan?.suggestion && "suggested" in target.data && (
          <Card title={`Suggested: ${plan.target.label}`} description="The last version that ran successfully before the current one">
            <p className="text-sm">{plan.suggestion.reason}</p>
          </Card>
        )}
        {plan && (
          <>
            <Card title="What runs now and what will run">
              <VersionTable from={plan.current} to={plan.target} compareUrls={Object.fromEntries(plan.diff.containers.map((c) => [c.name, c.image.compareUrl]))} />
            </Card>
            <Card title="Everything else that changes" description="Environment variable names (never values), secrets, CPU, memory, ports, roles, health checks">
              <PlanDiff diff={plan.diff} />
            </Card>
            <Card title="Preflight" description={`Read from AWS just now; nothing has changed yet.`}>
              <PreflightChecks plan={plan} scans={scanSides(plan, detail, images)} operationHref={plan.lock && `/operations/${plan.lock.operationId}`} />
            </Card>
            {canAct && (
              <Card title={`Confirm: ${verb.toLowerCase()} to ${plan.target.label}`} id="confirm">
                <ConfirmForm verb={action} hidden={confirmHidden(plan, target.data, action, randomUUID())} {...confirmGate(plan, actor.role)} />
              </Card>
            )}
          </>
        )}
        <Card title="Other targets" description="Each link re-plans; an INACTIVE revision is cloned into a new one, never deployed as it is" flush>
          <h3 className="border-b border-border px-3 py-2 text-xs font-semibold">Revisions of {detail.row.revision.family}</h3>
          <RevisionCandidates serviceRef={ref} revisions={detail.revisions} action={action} />
          {images.map((group) => (
            <div key={group.container}>
              <h3 className="border-y border-border px-3 py-2 text-xs font-semibold">
                prod-&lt;sha&gt; images of {group.repository} (container {group.container})
              </h3>
              <ImageCandidates serviceRef={ref} group={group} action={action} runningDigests={runningDigests(group.container)} />
            </div>
          ))}
        </Card>
      </div>
    </>
  );
}
