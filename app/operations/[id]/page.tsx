// One operation: what it changes (action, service, from → to, who, why) rendered on the server, and its
// status, progress, steps and outcome in a small island that follows the API while it runs. A running
// rollout offers deployers "Stop and roll back".
import { randomUUID } from "node:crypto";
import { toOperationJson } from "@/app/_deploy/operation-json";
import { OperationLive } from "@/app/_deploy/operation-live";
import { RestoreLive } from "@/app/_deploy/restore-live";
import { StopForm } from "@/app/_deploy/stop-form";
import { servicePath } from "@/app/_deploy/target-href";
import { loadView } from "@/app/_lib/load-view";
import { requirePageRole } from "@/app/_lib/page-actor";
import { requestTime } from "@/app/_lib/request-time";
import { decodeParam } from "@/app/_lib/route-params";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Unavailable } from "@/components/ui/unavailable";
import { roleAtLeast } from "@/lib/domain/roles";
import { deployContext, findOperationView, type OperationView } from "@/lib/deploy";
import { stopRestoreAction } from "./actions";

type Params = Promise<{ id: string }>;

export const metadata = { title: "Operation" };

const TITLE = { rollback: "Rollback", deploy: "Deploy", stop: "Stop and roll back", restore: "Restore" } as const;

export default async function OperationPage({ params }: { params: Params }) {
  const actor = await requirePageRole("viewer");
  const serverNow = await requestTime();
  const id = decodeParam((await params).id);
  // An id that cannot be an operation's is simply not found (findOperationView says so too).
  const loaded = await loadView(deployContext(actor).then((ctx) => findOperationView(ctx, id)));
  if (!loaded.ok) return <Unavailable title="Could not read this operation" error={loaded.error} />;
  const op = loaded.view;
  if (op.action === "restore") return <RestorePage op={op} serverNow={serverNow} canStop={roleAtLeast(actor.role, "deployer")} />;
  const ref = op.service;
  const canStop = op.action !== "stop" && roleAtLeast(actor.role, "deployer");

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Overview", href: "/" }, { label: ref.env }, { label: ref.cluster }, { label: ref.service, href: servicePath(ref) }]}
        title={`${TITLE[op.action]} of ${ref.service}`}
        description={`${op.from?.label ?? "?"} → ${op.to?.label ?? "?"}`}
      />
      <div className="space-y-5">
        <Card>
          <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
            <WhoWhy op={op} />
            {op.parentId && (
              <>
                <dt className="text-muted">Part of</dt>
                <dd>
                  <a href={`/operations/${encodeURIComponent(op.parentId)}`} className="text-accent hover:underline">
                    the restore of {ref.env}
                  </a>
                </dd>
              </>
            )}
            {op.overrideReason && (
              <>
                <dt className="text-muted">Scan gate overridden</dt>
                <dd className="break-words">{op.overrideReason}</dd>
              </>
            )}
            {op.ecs.serviceDeploymentArn && (
              <>
                <dt className="text-muted">ECS deployment</dt>
                <dd className="code break-all text-xs">{op.ecs.serviceDeploymentArn}</dd>
              </>
            )}
          </dl>
        </Card>
        <OperationLive
          initial={toOperationJson(op)}
          serverNow={serverNow}
          stopSlot={canStop ? <StopForm hidden={{ ...ref, idempotencyKey: randomUUID() }} /> : undefined}
        />
      </div>
    </>
  );
}

function WhoWhy({ op }: { op: OperationView }) {
  return (
    <>
      <dt className="text-muted">Who</dt>
      <dd>
        {op.actor.name} <span className="text-xs text-muted">({op.actor.kind}, {op.actor.role})</span>
      </dd>
      <dt className="text-muted">Why</dt>
      <dd className="break-words">{op.reason}</dd>
    </>
  );
}

/** A restore: who, why and the moment, then every child live, with "Stop the restore" while it runs. */
function RestorePage({ op, serverNow, canStop }: { op: OperationView; serverNow: number; canStop: boolean }) {
  const env = op.service.env;
  return (
    <>
      <PageHeader crumbs={[{ label: "Overview", href: "/" }, { label: "Audit", href: `/audit?env=${encodeURIComponent(env)}` }, { label: env }]} title={`Restore of ${env}`} description={op.to?.label ?? ""} />
      <div className="space-y-5">
        <Card>
          <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
            <WhoWhy op={op} />
          </dl>
        </Card>
        <RestoreLive
          initial={toOperationJson(op)}
          serverNow={serverNow}
          stopSlot={canStop ? <StopForm hidden={{ id: op.id, idempotencyKey: randomUUID() }} stop={stopRestoreAction} label="Stop the restore" /> : undefined}
        />
      </div>
    </>
  );
}
