// "Stop" on a restore: stop and roll back (stopRollout, ECS's StopServiceDeployment) every child still in
// progress, each exactly as a stop on that service, with the same reason. A child that cannot be stopped
// (its deployment already finished, or none is rolling out yet) is reported with why and the others
// are still stopped. The parent then ends `partial` once its children have ended.
import { requireRole } from "@/lib/auth/require-role";
import { ConflictError, describeError, NotFoundError } from "@/lib/errors";
import { childrenOf, getOperation, type Operation } from "@/lib/store";
import { recordStep } from "./audit-trail";
import type { DeployContext } from "./context";
import { operationIdSchema } from "./operation-list-input";
import { stopRollout } from "./stop-rollout";

export interface RestoreStopInput {
  id: string;
  reason: string;
  idempotencyKey: string;
}

export interface ChildStop {
  cluster: string;
  service: string;
  operationId: string;
  stopped: boolean;
  message: string;
}

export interface RestoreStopped {
  operation: Operation;
  children: ChildStop[];
}

async function stopChild(ctx: DeployContext, input: RestoreStopInput, child: Operation): Promise<ChildStop> {
  const about = { cluster: child.cluster, service: child.service, operationId: child.id };
  try {
    const ref = { env: child.env, cluster: child.cluster, service: child.service };
    await stopRollout(ctx, { ref, reason: input.reason, idempotencyKey: `${input.idempotencyKey}/${child.cluster}/${child.service}` });
    return { ...about, stopped: true, message: "ECS is rolling it back." };
  } catch (error) {
    return { ...about, stopped: false, message: describeError(error)?.body.error.message ?? (error instanceof Error ? error.message : String(error)) };
  }
}

export async function stopRestore(ctx: DeployContext, input: RestoreStopInput): Promise<RestoreStopped> {
  requireRole(ctx.actor, "deployer");
  const parent = operationIdSchema.safeParse(input.id).success ? await getOperation(ctx.store.db, input.id) : undefined;
  if (!parent || parent.action !== "restore") throw new NotFoundError("operation", input.id);
  if (parent.status !== "running") throw new ConflictError("in-progress", `This restore has already ended (${parent.status}); nothing is left to stop.`);
  const children = (await childrenOf(ctx.store.db, [parent.id])).get(parent.id) ?? [];
  const results = await Promise.all(children.filter((c) => c.status === "running").map((c) => stopChild(ctx, input, c)));
  const summary = results.map((r) => `${r.cluster}/${r.service}: ${r.stopped ? "stopped" : `not stopped (${r.message})`}`).join("; ");
  const operation = await recordStep(ctx.store.db, parent, { name: "stop", ok: results.every((r) => r.stopped), message: `${ctx.actor.name} stopped the restore (${input.reason}): ${summary || "no child was still running"}.` }, ctx.now());
  return { operation, children: results };
}
