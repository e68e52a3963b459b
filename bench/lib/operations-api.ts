// The bench's client of the rollback API: start a rollback with the deployer token, and watch many
// operations through one list request per tick (one request, not one per operation, so watching
// does not load the server whose latency is measured).
import { randomUUID } from "node:crypto";
import { BENCH_AUTH_HEADERS, BENCH_DEPLOYER_HEADERS } from "./bench-auth";
import { ROLLBACK_CLUSTER, type BenchService } from "../../tests/support/rollback-services";

export interface StartedRollback {
  service: BenchService;
  operationId: string;
  serviceDeploymentArn: string;
  /** Wall-clock ms just before the POST was sent. */
  postedAt: number;
}

export async function startRollback(appUrl: string, service: BenchService): Promise<StartedRollback> {
  const target = `${service.family}:${service.current === 1 ? 2 : 1}`;
  const postedAt = Date.now();
  const response = await fetch(`${appUrl}/api/v1/services/sandbox/${ROLLBACK_CLUSTER}/${service.service}/operations`, {
    method: "POST",
    headers: { ...BENCH_DEPLOYER_HEADERS, "Content-Type": "application/json", "Idempotency-Key": `bench-${randomUUID()}` },
    body: JSON.stringify({ action: "rollback", target: { revision: target }, reason: "bench: rollback latency" }),
  });
  const body = (await response.json()) as { operation?: { id: string; ecs: { serviceDeploymentArn: string | null } }; error?: { message: string } };
  if (response.status !== 202 || !body.operation?.ecs.serviceDeploymentArn) {
    throw new Error(`bench: POST rollback of ${service.service} answered ${response.status}: ${body.error?.message ?? "no service deployment"}`);
  }
  service.current = service.current === 1 ? 2 : 1;
  return { service, operationId: body.operation.id, serviceDeploymentArn: body.operation.ecs.serviceDeploymentArn, postedAt };
}

export interface SeenOutcome {
  status: string;
  /** Wall-clock ms of the first list answer that showed the operation finished. */
  seenAt: number;
}

/** Polls GET /api/v1/operations every `everyMs` until every id has left `running`; returns when each was first seen done. */
export async function watchOutcomes(appUrl: string, ids: readonly string[], everyMs = 100, timeoutMs = 300_000): Promise<Map<string, SeenOutcome>> {
  const seen = new Map<string, SeenOutcome>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < ids.length) {
    if (Date.now() > deadline) throw new Error(`bench: ${ids.length - seen.size} operations still running after ${timeoutMs} ms`);
    const response = await fetch(`${appUrl}/api/v1/operations?cluster=${ROLLBACK_CLUSTER}&limit=200`, { headers: BENCH_AUTH_HEADERS });
    const at = Date.now();
    const { operations } = (await response.json()) as { operations: Array<{ id: string; status: string }> };
    for (const op of operations) if (ids.includes(op.id) && op.status !== "running" && !seen.has(op.id)) seen.set(op.id, { status: op.status, seenAt: at });
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return seen;
}
