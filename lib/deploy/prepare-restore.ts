// Everything a restore decides before it changes anything, shared by the plan and the start verb so
// what the person confirmed is what the verb re-checks: the moment checked against the recorded history,
// then per service what it ran then (lib/domain/restore-point) and, for each that changed, the plan and
// preflight of exactly the single rollback to that revision (prepare-plan.ts), read fresh.
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import { awsRuntime, envScope, type EnvScope } from "@/lib/aws";
import { taskDefinitionLabel } from "@/lib/domain/arn";
import { decideRestore, type RestoreDecision } from "@/lib/domain/restore-plan";
import { checkRestoreMoment, historyStartOf, ranAt } from "@/lib/domain/restore-point";
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { findEnvironment } from "@/lib/queries/context";
import type { DeployContext } from "./context";
import type { ServiceRef } from "./operation-input";
import { preparePlan, type PreparedPlan } from "./prepare-plan";
import { readEnvironmentHistory } from "./restore-history";

// Services planned at once: each plan is a few fresh reads; this keeps a big environment's plan inside
// the read concurrency without starving the overview.
const PLAN_CONCURRENCY = 4;

export interface RestoreItem {
  ref: ServiceRef;
  decision: RestoreDecision;
  /** The revision the service runs now (`family:N`). */
  now: string;
  /** The single rollback's plan and preflight, for a service that changed and can be planned. */
  prepared?: PreparedPlan;
  /** The id its child operation will have (clone tags carry it). */
  operationId?: string;
  /** Why this changed service cannot be planned (e.g. its family changed since). */
  unplannable?: string;
}

export interface PreparedRestore {
  scope: EnvScope;
  at: Date;
  historyStart: Date;
  observedAt: Date;
  items: RestoreItem[];
}

async function planItem(ctx: DeployContext, scope: EnvScope, item: RestoreItem): Promise<RestoreItem> {
  if (item.decision.kind !== "changed") return item;
  const operationId = randomUUID();
  try {
    const prepared = await preparePlan(ctx, scope, { ref: item.ref, target: { revision: taskDefinitionLabel(item.decision.to) } }, operationId);
    return { ...item, prepared, operationId };
  } catch (error) {
    // A revision that cannot be a rollback target of this service now: listed with why, not a failed plan.
    if (error instanceof BadRequestError || error instanceof NotFoundError) return { ...item, unplannable: error.message };
    throw error;
  }
}

/**
 * `only` narrows it to the services a start selected (`cluster/service`); the plan looks at all of them.
 * The moment is checked against the history of the services looked at.
 */
export async function prepareRestore(ctx: DeployContext, envId: string, at: Date, only?: ReadonlySet<string>): Promise<PreparedRestore> {
  const env = findEnvironment(ctx, envId);
  const scope = envScope(awsRuntime(ctx.config), env);
  const histories = await readEnvironmentHistory(ctx, scope, only);
  const historyStart = historyStartOf(histories.flatMap((h) => h.records));
  const moment = checkRestoreMoment(at, ctx.now(), historyStart);
  if (!moment.ok) throw new BadRequestError(`at: ${moment.error}`);

  const limit = pLimit(PLAN_CONCURRENCY);
  const items = await Promise.all(
    histories.map((h) => {
      const item: RestoreItem = {
        ref: { env: envId, cluster: h.cluster, service: h.service.name },
        decision: decideRestore(h.service.taskDefinitionArn, ranAt(h.records, at)),
        now: taskDefinitionLabel(h.service.taskDefinitionArn),
      };
      return limit(() => planItem(ctx, scope, item));
    }),
  );
  return { scope, at, historyStart: historyStart as Date, observedAt: ctx.now(), items };
}
