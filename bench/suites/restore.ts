// The restore figures (issue 14), with 30 ms of latency on every AWS call and the sandbox at time scale 1:
// five one-task services that CI moved to another revision after a moment are restored to it in one
// confirm. Confirm (POST) → the sandbox creating the fifth child's deployment (all five UpdateService
// calls sent); and each child's outcome lag, its deployment SUCCESSFUL → the API showing `succeeded`.
// Sandbox timestamps become wall-clock time with the sandbox clock's measured offset, as in rollback.ts.
import { randomUUID } from "node:crypto";
import { DescribeServiceDeploymentsCommand, ECSClient, ListServiceDeploymentsCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import type { SandboxControl } from "../../tests/support/sandbox-control";
import { BENCH_DEPLOYER_HEADERS } from "../lib/bench-auth";
import { watchOutcomes } from "../lib/operations-api";
import { ROLLBACK_CLUSTER, seedRollbackServices, type BenchService } from "../../tests/support/rollback-services";
import { benchClientConfig } from "../lib/sandbox-env";
import { clockOffset } from "../lib/clock-offset";
import { startApp } from "../lib/servers";
import { round, summarise } from "../lib/stats";

const SERVICES = 5;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface RestoreResult {
  services: number;
  parentStatus: string;
  childOutcomes: Record<string, number>;
  /** POST → the last of the five deployments created in the sandbox. */
  confirmToAllUpdateServiceMs: number;
  /** POST → its 202 answer. */
  confirmResponseMs: number;
  childOutcomeLagMs: ReturnType<typeof summarise>;
}

/** CI's move after the moment: every service to its other revision, waited for until ECS says SUCCESSFUL. */
async function moveAsCi(ecs: ECSClient, services: readonly BenchService[]): Promise<void> {
  for (const s of services) {
    await ecs.send(new UpdateServiceCommand({ cluster: ROLLBACK_CLUSTER, service: s.service, taskDefinition: `${s.family}:2` }));
    s.current = 2;
  }
  const deadline = Date.now() + 300_000;
  for (;;) {
    const done = await Promise.all(
      services.map(async (s) => {
        const { serviceDeployments = [] } = await ecs.send(new ListServiceDeploymentsCommand({ cluster: ROLLBACK_CLUSTER, service: s.service, status: ["PENDING", "IN_PROGRESS"] }));
        return serviceDeployments.length === 0;
      }),
    );
    if (done.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error("bench: CI's deployments did not finish in 5 minutes");
    await sleep(1000);
  }
}

/** The restore's own status once its children have ended (the last child's end settles it). */
async function restoreStatus(appUrl: string, id: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const response = await fetch(`${appUrl}/api/v1/operations/${id}`, { headers: BENCH_DEPLOYER_HEADERS });
    const { status } = (await response.json()) as { status: string };
    if (status !== "running") return status;
    await sleep(100);
  }
  return "running";
}

interface Child {
  id: string;
  ecs: { serviceDeploymentArn: string | null };
}

export async function restoreSuite(sandboxUrl: string, control: SandboxControl, latencyMs: number): Promise<RestoreResult> {
  const services = await seedRollbackServices(sandboxUrl, control, SERVICES);
  const ecs = new ECSClient(benchClientConfig(sandboxUrl));
  const app = await startApp(sandboxUrl);
  try {
    await sleep(1000);
    const at = new Date(Math.min(Date.now(), await control.now()) - 500).toISOString();
    await sleep(1000);
    await moveAsCi(ecs, services);
    await control.setFaults({ seed: 1, rules: { "*": { latencyMs } } });
    // The plan a person reads before confirming; it also loads the routes, the store and the SDK clients.
    const plan = await fetch(`${app.url}/api/v1/environments/sandbox/restore?at=${at}`, { headers: BENCH_DEPLOYER_HEADERS });
    if (plan.status !== 200) throw new Error(`bench: restore plan answered ${plan.status}: ${await plan.text()}`);
    const offset = await clockOffset(control);

    const postedAt = Date.now();
    const response = await fetch(`${app.url}/api/v1/environments/sandbox/restore`, {
      method: "POST",
      headers: { ...BENCH_DEPLOYER_HEADERS, "Content-Type": "application/json", "Idempotency-Key": `bench-${randomUUID()}` },
      body: JSON.stringify({ at, services: services.map((s) => `${ROLLBACK_CLUSTER}/${s.service}`), reason: "bench: restore latency" }),
    });
    const answeredAt = Date.now();
    const body = (await response.json()) as { operation?: { id: string; children: Child[] }; error?: { message: string } };
    if (response.status !== 202 || !body.operation) throw new Error(`bench: POST restore answered ${response.status}: ${body.error?.message ?? "no operation"}`);
    const children = body.operation.children;
    const arns = children.map((c) => c.ecs.serviceDeploymentArn).filter((a): a is string => a !== null);
    if (arns.length !== SERVICES) throw new Error(`bench: ${SERVICES - arns.length} children have no service deployment`);

    const seen = await watchOutcomes(app.url, children.map((c) => c.id));
    const parentStatus = await restoreStatus(app.url, body.operation.id);
    const { serviceDeployments = [] } = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns }));
    const byArn = new Map(serviceDeployments.map((d) => [d.serviceDeploymentArn, d]));
    const toWall = (t: Date | undefined) => (t ? t.getTime() - offset : Number.NaN);
    const created = arns.map((arn) => toWall(byArn.get(arn)?.createdAt));
    const childOutcomes: Record<string, number> = {};
    const lag = children.map((c) => {
      const outcome = seen.get(c.id);
      childOutcomes[outcome?.status ?? "unknown"] = (childOutcomes[outcome?.status ?? "unknown"] ?? 0) + 1;
      const d = byArn.get(c.ecs.serviceDeploymentArn ?? undefined);
      const successfulAt = d?.status === "SUCCESSFUL" ? toWall(d.finishedAt) : Number.NaN;
      return (outcome?.status === "succeeded" ? outcome.seenAt : Number.NaN) - successfulAt;
    });
    return {
      services: SERVICES,
      parentStatus,
      childOutcomes,
      confirmToAllUpdateServiceMs: round(Math.max(...created) - postedAt),
      confirmResponseMs: answeredAt - postedAt,
      childOutcomeLagMs: summarise(lag),
    };
  } finally {
    ecs.destroy();
    await app.stop();
    await control.clearFaults();
  }
}
