// The restore plan's per-service verdict, and a restore's outcome from its children's. Pure.
import { taskDefinitionLabel as label } from "./arn";
import type { RanAt } from "./restore-point";

export type RestoreDecision =
  | { kind: "unchanged"; taskDefinitionArn: string }
  | { kind: "changed"; from: string; to: string; note?: string }
  | { kind: "cannot"; why: string };

export function decideRestore(currentTaskDefinitionArn: string, then: RanAt): RestoreDecision {
  if (!then.known) return { kind: "cannot", why: then.why };
  if (then.taskDefinitionArn === currentTaskDefinitionArn) return { kind: "unchanged", taskDefinitionArn: currentTaskDefinitionArn };
  const note = then.inProgressAt ? `A rollout of ${then.inProgressAt} was in progress then; this restores what was settled (${label(then.taskDefinitionArn)}).` : undefined;
  return { kind: "changed", from: currentTaskDefinitionArn, to: then.taskDefinitionArn, ...(note && { note }) };
}

export interface ChildOutcome {
  service: string;
  status: string;
}

export type RestoreOutcome = { status: "running" } | { status: "succeeded" | "partial"; reason: string };

/** `succeeded` only when every child succeeded; `partial` naming each child's outcome once all have ended. */
export function restoreOutcome(children: readonly ChildOutcome[]): RestoreOutcome {
  if (children.length === 0 || children.some((c) => c.status === "running")) return { status: "running" };
  const each = children.map((c) => `${c.service}: ${c.status}`).join(", ");
  if (children.every((c) => c.status === "succeeded")) return { status: "succeeded", reason: `All ${children.length} services restored (${each}).` };
  const ok = children.filter((c) => c.status === "succeeded").length;
  return { status: "partial", reason: `${ok} of ${children.length} services restored (${each}).` };
}
