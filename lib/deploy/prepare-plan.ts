// Everything a rollback or deploy decides before it changes anything, read fresh from AWS: the service
// and the revision it runs, the target resolved (revision, digest-pinned image, or suggested version),
// the plan (which revision will run, registered or not), the diff, and the preflight. The plan page and
// the start verb share it, so what the person confirmed is what the verb re-checks.
import { describeActiveRevisions, type EnvScope } from "@/lib/aws";
import { planDeployment, type DeployPlan } from "@/lib/domain/deploy-plan";
import { parseTarget } from "@/lib/domain/deploy-target";
import { decidePreflight, type PreflightFacts, type PreflightResult } from "@/lib/domain/preflight";
import { diffTaskDefinitions, type TaskDefinitionDiff } from "@/lib/domain/task-definition-diff";
import { BadRequestError } from "@/lib/errors";
import { getServiceLock, listOperations, serviceKey, type LockHolder } from "@/lib/store";
import type { DeployContext } from "./context";
import { changedImages, readImageFacts } from "./image-facts";
import type { ServiceRef } from "./operation-input";
import { deploymentInProgress, readServiceState, type ServiceState } from "./read-service";
import { prefetchRevision, resolveTarget, type Resolved } from "./resolve-target";
import { fromVersion, versionOf, type Version } from "./version";
import { revisionLabel } from "@/lib/domain/task-definition";

// Enough recent ACTIVE revisions to find an identical one to reuse, without reading a whole family.
const REUSE_WINDOW = 10;

export interface PlanRequest {
  ref: ServiceRef;
  /** Raw target input; checked against the service's current revision. */
  target: unknown;
  expectedTaskDefinition?: string;
  expectedPrimaryDeployment?: string;
  override?: { scanGate?: string };
}

export interface PreparedPlan {
  state: ServiceState;
  resolved: Resolved;
  plan: DeployPlan;
  diff: TaskDefinitionDiff;
  preflight: PreflightResult;
  lock?: LockHolder;
  /** What runs now and what will run, per container with tag, digest and SHA. */
  from: Version;
  to: Version;
  observedAt: Date;
}

/** Task definitions our own succeeded rollbacks of this service moved away from: never suggest them again. */
async function rolledBackFrom(ctx: DeployContext, ref: ServiceRef): Promise<string[]> {
  const page = await listOperations(ctx.store.db, { ...ref, action: "rollback", statuses: ["succeeded"] }, { limit: 50 });
  return page.operations.flatMap((op) => {
    const arn = fromVersion(op.from)?.taskDefinitionArn;
    return arn ? [arn] : [];
  });
}

function plannedOrThrow(result: ReturnType<typeof planDeployment>): DeployPlan {
  if (!result.ok) throw new BadRequestError(result.error);
  return result.plan;
}

export async function preparePlan(ctx: DeployContext, scope: EnvScope, req: PlanRequest, operationId: string): Promise<PreparedPlan> {
  const now = ctx.now();
  const prefetched = prefetchRevision(scope, req.target);
  const [state, skip, lock] = await Promise.all([
    readServiceState(scope, req.ref),
    rolledBackFrom(ctx, req.ref),
    getServiceLock(ctx.store.db, serviceKey(req.ref)),
  ]);
  const parsed = parseTarget(req.target, state.current);
  if (!parsed.ok) throw new BadRequestError(parsed.error);
  const resolved = await resolveTarget({ scope, ref: req.ref, target: parsed.target, current: state.current, tagPattern: ctx.config.tagPattern, rolledBackFrom: skip, ...(prefetched && { prefetched }) });

  // The spec that will run does not depend on which revision is reused, so ECR is asked about its images
  // while the family's recent ACTIVE revisions are read for reuse.
  const draft = plannedOrThrow(planDeployment({ current: state.current, target: resolved.target, activeRevisions: [], operationId }));
  const needsReuseCheck = draft.needsRegistration;
  const [images, activeRevisions] = await Promise.all([
    readImageFacts(scope, changedImages(state.current.spec, draft.targetSpec), now),
    needsReuseCheck ? describeActiveRevisions(scope, state.current.family, REUSE_WINDOW) : Promise.resolve([]),
  ]);
  const plan = needsReuseCheck ? plannedOrThrow(planDeployment({ current: state.current, target: resolved.target, activeRevisions, operationId })) : draft;

  const diff = diffTaskDefinitions(state.current.spec, plan.targetSpec, { tagPattern: ctx.config.tagPattern, git: ctx.config.git, images: images.known });
  const rolling = deploymentInProgress(state.service);
  const facts: PreflightFacts = {
    role: ctx.actor.role,
    unchanged: plan.unchanged,
    images: images.facts,
    view: {
      actualTaskDefinitionArn: state.current.arn,
      ...(state.primary && { actualPrimaryDeploymentId: state.primary.id }),
      ...(req.expectedTaskDefinition && { expectedTaskDefinitionArn: req.expectedTaskDefinition }),
      ...(req.expectedPrimaryDeployment && { expectedPrimaryDeploymentId: req.expectedPrimaryDeployment }),
    },
  };
  if (req.override) facts.override = req.override;
  if (lock) facts.inProgress = { deploymentId: rolling?.id ?? "starting", ours: true, operationId: lock.operationId };
  else if (rolling) facts.inProgress = { deploymentId: rolling.id, ours: false };
  const tagPattern = ctx.config.tagPattern;
  const from = versionOf(state.current.spec, revisionLabel(state.current), state.current.arn, images.known, tagPattern);
  const run = plan.run;
  const to =
    run.kind === "existing"
      ? versionOf(run.taskDefinition.spec, revisionLabel(run.taskDefinition), run.taskDefinition.arn, images.known, tagPattern)
      : versionOf(run.spec, `new revision of ${state.current.family}`, undefined, images.known, tagPattern);
  return { state, resolved, plan, diff, preflight: decidePreflight(facts), ...(lock && { lock }), from, to, observedAt: now };
}
