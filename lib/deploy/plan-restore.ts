// The restore plan behind GET /api/v1/environments/{env}/restore and the restore page: every service of
// the environment's clusters, what it runs now and what it ran at the moment, per container, and for each
// that changed the single rollback's preflight. Changes nothing. Deployers and admins only: it exists to
// be confirmed, and the start verb refuses anyone else.
import { requireRole } from "@/lib/auth/require-role";
import type { PreflightResult } from "@/lib/domain/preflight";
import type { DeployContext } from "./context";
import { prepareRestore, type RestoreItem } from "./prepare-restore";
import type { RestorePlanQuery } from "./restore-input";
import type { Version } from "./version";

export interface RestorePlanService {
  cluster: string;
  service: string;
  /** changed: will be rolled back if ticked; unchanged: runs what it ran then; cannot: see `why`. */
  status: "changed" | "unchanged" | "cannot";
  why?: string;
  note?: string;
  /** What runs now: per container once planned, else the revision alone. */
  now: Version;
  then?: Version;
  preflight?: PreflightResult;
  lock?: { holder: string; since: Date; operationId: string };
}

export interface RestorePlanView {
  env: string;
  at: Date;
  /** The earliest moment the recorded history covers. */
  historyStart: Date;
  observedAt: Date;
  services: RestorePlanService[];
}

/** Why a changed service cannot be restored, if it cannot: not plannable, or its preflight blocks. */
export function blockedBecause(item: RestoreItem): string | undefined {
  if (item.decision.kind === "cannot") return item.decision.why;
  if (item.unplannable) return item.unplannable;
  const blocks = item.prepared?.preflight.checks.filter((c) => c.status === "block") ?? [];
  return blocks.length > 0 ? blocks.map((c) => c.message).join(" ") : undefined;
}

function serviceView(item: RestoreItem): RestorePlanService {
  const { ref, decision, prepared } = item;
  const why = blockedBecause(item);
  const status = decision.kind === "unchanged" ? "unchanged" : why ? "cannot" : "changed";
  const out: RestorePlanService = { cluster: ref.cluster, service: ref.service, status, now: prepared?.from ?? { label: item.now, containers: [] } };
  if (why) out.why = why;
  if (decision.kind === "changed" && decision.note) out.note = decision.note;
  if (prepared) {
    out.then = prepared.to;
    out.preflight = prepared.preflight;
    if (prepared.lock) out.lock = prepared.lock;
  }
  return out;
}

export async function planRestore(ctx: DeployContext, query: RestorePlanQuery): Promise<RestorePlanView> {
  requireRole(ctx.actor, "deployer");
  const prepared = await prepareRestore(ctx, query.env, query.at);
  return { env: query.env, at: prepared.at, historyStart: prepared.historyStart, observedAt: prepared.observedAt, services: prepared.items.map(serviceView) };
}
