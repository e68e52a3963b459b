// Turning a preflight that said no into the error the caller gets, after writing a "refused" row: who
// asked for what and why it was refused stays in the audit trail even though nothing changed. A stale
// view and our own deployment in progress are conflicts (409); anything else that blocks is 422.
import { ConflictError, PreflightBlockedError } from "@/lib/errors";
import { logError } from "@/lib/observability";
import type { PreflightCheck } from "@/lib/domain/preflight";
import { appendAudit, type LockHolder, type NewAuditEvent, type Store } from "@/lib/store";

export async function writeRefusal(store: Store, entry: NewAuditEvent): Promise<void> {
  // The refusal is what the caller gets; failing to record it must not turn it into a 500.
  await appendAudit(store.db, entry).catch((error: unknown) => logError("deploy: could not record a refusal", error));
}

export function lockHeldError(held: LockHolder): ConflictError {
  return new ConflictError("lock-held", `${held.holder} is already changing this service (since ${held.since.toISOString()}, operation ${held.operationId}); wait for it to finish or stop it.`, {
    heldBy: held.holder,
    since: held.since.toISOString(),
    operationId: held.operationId,
  });
}

export function refusalError(checks: readonly PreflightCheck[], lock: LockHolder | undefined): Error {
  const blocking = checks.filter((c) => c.status === "block");
  const stale = blocking.find((c) => c.id === "stale-view");
  if (stale) return new ConflictError("stale-view", stale.message, { checks: blocking });
  if (lock && blocking.some((c) => c.id === "in-progress")) return lockHeldError(lock);
  return new PreflightBlockedError(blocking.map((c) => ({ check: c.id, message: c.message, ...(c.container && { container: c.container }) })));
}
