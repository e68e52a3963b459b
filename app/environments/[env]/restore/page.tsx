// Restore an environment to a moment (`?at=`, also reached from the Audit timeline's "restore to here"):
// the moment picker, then the plan (every service now vs then, per container, with its preflight) inside
// the confirm form. Deployers and admins only (a viewer is told so); the action and the verb check again.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { RestoreForm } from "@/app/_deploy/restore-form";
import { RestorePlanTable } from "@/app/_deploy/restore-plan-table";
import { loadView } from "@/app/_lib/load-view";
import { requirePageRole } from "@/app/_lib/page-actor";
import { parseRouteParams } from "@/app/_lib/route-params";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { PageHeader } from "@/components/ui/page-header";
import { Unavailable } from "@/components/ui/unavailable";
import { deployContext, momentFromPage, planRestore } from "@/lib/deploy";
import { roleAtLeast } from "@/lib/domain/roles";
import { envIdSchema, searchParamsToObject } from "@/lib/queries/params";

type Params = Promise<{ env: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export const metadata = { title: "Restore to a moment" };

const utc = (d: Date) => `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;

function MomentPicker({ env, value }: { env: string; value?: string }) {
  return (
    <form method="get" action={`/environments/${encodeURIComponent(env)}/restore`} className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="restore-at" className="block text-xs font-medium">
          Moment (UTC)
        </label>
        <input id="restore-at" name="at" type="datetime-local" step="1" required defaultValue={value} className="h-11 rounded-md border border-border-strong bg-bg px-3 text-sm sm:h-9" />
      </div>
      <button type="submit" className="inline-flex h-11 items-center rounded-md border border-border-strong px-4 text-sm font-medium hover:bg-surface-2 sm:h-9">
        Plan the restore
      </button>
    </form>
  );
}

export default async function RestorePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const actor = await requirePageRole("viewer");
  const { env } = await parseRouteParams(z.object({ env: envIdSchema }), params);
  const raw = searchParamsToObject(await searchParams).at;
  const crumbs = [{ label: "Overview", href: "/" }, { label: "Audit", href: `/audit?env=${encodeURIComponent(env)}` }, { label: env }];
  const header = (title: string, description?: string) => <PageHeader crumbs={crumbs} title={title} description={description} />;
  if (!roleAtLeast(actor.role, "deployer")) {
    // A viewer reaching the address (a shared link) is told why, rather than shown an error page.
    return (
      <>
        {header(`Restore ${env} to a moment`)}
        <ErrorCallout title="Restoring needs the deployer role" error={{ message: `This needs the deployer role; ${actor.name} has ${actor.role}.`, action: "Ask a deployer or an admin." }} />
      </>
    );
  }
  const text = typeof raw === "string" ? raw : undefined;
  const moment = text === undefined ? undefined : momentFromPage(text);
  if (!moment?.success) {
    return (
      <>
        {header(`Restore ${env} to a moment`, "Every service of the environment's clusters put back on the revision it ran then, each as its own rollback.")}
        <div className="space-y-4">
          {moment && <ErrorCallout title="This moment is not valid" error={{ message: moment.error.issues[0]?.message ?? "invalid", action: "Pick a moment below." }} />}
          <Card>
            <MomentPicker env={env} />
          </Card>
        </div>
      </>
    );
  }
  const at = moment.data;
  const loaded = await loadView(deployContext(actor).then((ctx) => planRestore(ctx, { env, at })));
  if (!loaded.ok) {
    return (
      <>
        {header(`Restore ${env} to ${utc(at)}`)}
        <div className="space-y-4">
          <Unavailable title="No restore plan for this moment" error={loaded.error} />
          <Card>
            <MomentPicker env={env} value={at.toISOString().slice(0, 19)} />
          </Card>
        </div>
      </>
    );
  }
  const plan = loaded.view;
  const count = (status: string) => plan.services.filter((s) => s.status === status).length;
  const restorable = count("changed");
  return (
    <>
      {header(`Restore ${env} to ${utc(at)}`, `${restorable} to restore, ${count("unchanged")} unchanged, ${count("cannot")} cannot be restored. Recorded history starts ${utc(plan.historyStart)}.`)}
      <div className="space-y-4">
        <Card title="Services" description="Untick what should stay as it is now; each ticked service is rolled back on its own, with its own lock and outcome." flush>
          <RestoreForm hidden={{ env, at: at.toISOString(), idempotencyKey: randomUUID() }} restorable={restorable}>
            <RestorePlanTable services={plan.services} />
          </RestoreForm>
        </Card>
        <Card title="Another moment">
          <MomentPicker env={env} value={at.toISOString().slice(0, 19)} />
        </Card>
      </div>
    </>
  );
}
