// The plan verb behind GET …/plan and the confirm page: what a rollback or deploy to `target` would do
// and whether it may, read fresh from AWS and changing nothing. Any signed-in role may look; the
// preflight says a viewer may not act (and the start verb refuses).
import { requireRole } from "@/lib/auth/require-role";
import type { PreflightResult } from "@/lib/domain/preflight";
import type { TaskDefinitionDiff } from "@/lib/domain/task-definition-diff";
import { serviceScope, type DeployContext } from "./context";
import type { ServiceRef } from "./operation-input";
import { preparePlan, type PlanRequest } from "./prepare-plan";
import type { Version } from "./version";

// Clone tags carry the operation id; a plan has none yet, so its clone is named for the preview.
const PREVIEW_OPERATION = "00000000-0000-4000-8000-000000000000";

export interface PlanView {
  service: ServiceRef;
  observedAt: Date;
  /** What the confirm form sends back as expectedTaskDefinition / expectedPrimaryDeployment (stale-view check). */
  current: Version & { taskDefinitionArn: string; primaryDeploymentId?: string };
  target: Version;
  suggestion?: { reason: string; serviceDeploymentArn: string; finishedAt?: Date };
  plan: { summary: string; needsRegistration: boolean; unchanged: boolean; clonedFrom?: string };
  diff: TaskDefinitionDiff;
  preflight: PreflightResult;
  /** Someone's operation holds the service (the confirm would be refused). */
  lock?: { holder: string; since: Date; operationId: string };
  deploymentConfiguration: { strategy?: string; bakeTimeInMinutes?: number; circuitBreaker?: { enable: boolean; rollback: boolean }; alarms?: { alarmNames: string[]; enable: boolean; rollback: boolean } };
}

export async function planOperation(ctx: DeployContext, req: PlanRequest): Promise<PlanView> {
  requireRole(ctx.actor, "viewer");
  const prepared = await preparePlan(ctx, serviceScope(ctx, req.ref), req, PREVIEW_OPERATION);
  const { state, plan, resolved } = prepared;
  const settings = state.service.deploymentSettings;
  const view: PlanView = {
    service: req.ref,
    observedAt: prepared.observedAt,
    current: { ...prepared.from, taskDefinitionArn: state.current.arn, ...(state.primary && { primaryDeploymentId: state.primary.id }) },
    target: prepared.to,
    plan: {
      summary: plan.summary,
      needsRegistration: plan.needsRegistration,
      unchanged: plan.unchanged,
      ...(plan.run.kind === "register" && { clonedFrom: plan.run.clonedFrom }),
    },
    diff: prepared.diff,
    preflight: prepared.preflight,
    deploymentConfiguration: {
      ...(settings.strategy && { strategy: settings.strategy }),
      ...(settings.bakeTimeInMinutes !== undefined && { bakeTimeInMinutes: settings.bakeTimeInMinutes }),
      ...(settings.circuitBreaker && { circuitBreaker: settings.circuitBreaker }),
      ...(settings.alarms && { alarms: settings.alarms }),
    },
  };
  if (resolved.suggestion) {
    const s = resolved.suggestion;
    view.suggestion = { reason: s.reason, serviceDeploymentArn: s.serviceDeploymentArn, ...(s.finishedAt && { finishedAt: s.finishedAt }) };
  }
  if (prepared.lock) view.lock = prepared.lock;
  return view;
}
