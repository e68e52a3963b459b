// The notification figures (issue 14), with 30 ms of latency on every AWS call and the sandbox at time
// scale 1. (1) Outcome recorded → webhook received: twelve rollbacks on a server whose one target is a
// healthy local receiver; for each, the operation's finishedAt (the server's clock, written in the
// outcome's transaction with the outbox row) to the moment the receiver got the `operation.finished`
// delivery (the same machine's clock). (2) Confirm → UpdateService with and without broken receivers:
// twelve confirms on that server, then twelve on a server whose targets also include a receiver that
// answers 500 to everything and one that never answers, each receiving the confirms' `operation.started`
// deliveries while the confirms run. Enqueueing is an insert in the verb's transaction and delivery is
// the worker's, so the two medians should be the same.
import { ECSClient } from "@aws-sdk/client-ecs";
import { startReceiver, TEST_WEBHOOK_SECRET, type Receiver } from "../../tests/integration/notify-receiver";
import type { SandboxControl } from "../../tests/support/sandbox-control";
import { BENCH_AUTH_HEADERS, benchConfigFileWith } from "../lib/bench-auth";
import { startRollback, watchOutcomes, type StartedRollback } from "../lib/operations-api";
import { seedRollbackServices, type BenchService } from "../../tests/support/rollback-services";
import { benchClientConfig } from "../lib/sandbox-env";
import { startApp } from "../lib/servers";
import { summarise } from "../lib/stats";
import { clockOffset } from "../lib/clock-offset";
import { describeDeployments } from "./rollback";

const ROLLOUTS = 12;

export interface NotifyResult {
  rollouts: number;
  delivered: number;
  outcomeToReceivedMs: ReturnType<typeof summarise>;
  confirmToUpdateServiceMs: { healthyReceiver: ReturnType<typeof summarise>; brokenReceivers: ReturnType<typeof summarise> };
  brokenReceivers: { answered500: number; hangingDuringConfirms: number };
}

const target = (id: string, receiver: Receiver) => ({ id, kind: "webhook", url: receiver.url, secretEnv: "BENCH_WEBHOOK_SECRET" });

async function appWith(sandboxUrl: string, targets: object[]) {
  return startApp(sandboxUrl, { STEADYSTATE_CONFIG: benchConfigFileWith({ notifications: targets }), BENCH_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET });
}

async function confirmLatencies(appUrl: string, services: BenchService[], ecs: ECSClient, offset: number): Promise<{ started: StartedRollback[]; ms: number[] }> {
  await fetch(`${appUrl}/api/v1/services/sandbox/cluster-0000/${services[0]?.service}/plan?suggested=1`, { headers: BENCH_AUTH_HEADERS });
  const started: StartedRollback[] = [];
  for (const service of services) started.push(await startRollback(appUrl, service));
  const created = await describeDeployments(ecs, started);
  return { started, ms: started.map((s) => (created.get(s.serviceDeploymentArn)?.createdAt?.getTime() ?? Number.NaN) - offset - s.postedAt) };
}

async function finishedAt(appUrl: string, id: string): Promise<number> {
  const response = await fetch(`${appUrl}/api/v1/operations/${id}`, { headers: BENCH_AUTH_HEADERS });
  const body = (await response.json()) as { finishedAt: string | null };
  return body.finishedAt ? Date.parse(body.finishedAt) : Number.NaN;
}

export async function notifySuite(sandboxUrl: string, control: SandboxControl, latencyMs: number): Promise<NotifyResult> {
  const services = await seedRollbackServices(sandboxUrl, control, ROLLOUTS * 2);
  await control.setFaults({ seed: 1, rules: { "*": { latencyMs } } });
  const [healthy, failing, hanging] = await Promise.all([startReceiver(TEST_WEBHOOK_SECRET), startReceiver(TEST_WEBHOOK_SECRET), startReceiver(TEST_WEBHOOK_SECRET)]);
  failing.script([500]);
  hanging.script(["hang"]);
  const ecs = new ECSClient(benchClientConfig(sandboxUrl));
  try {
    const offset = await clockOffset(control);
    const first = await appWith(sandboxUrl, [target("healthy", healthy)]);
    let base: Awaited<ReturnType<typeof confirmLatencies>>;
    const lags: number[] = [];
    try {
      base = await confirmLatencies(first.url, services.slice(0, ROLLOUTS), ecs, offset);
      const ids = base.started.map((s) => s.operationId);
      await watchOutcomes(first.url, ids);
      const receivedAt = (id: string) => healthy.received.find((r) => r.webhookId === `msg_${id}_finished`)?.at;
      const deadline = Date.now() + 30_000;
      while (ids.some((id) => receivedAt(id) === undefined) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      for (const id of ids) lags.push((receivedAt(id) ?? Number.NaN) - (await finishedAt(first.url, id)));
    } finally {
      await first.stop();
    }

    const second = await appWith(sandboxUrl, [target("healthy", healthy), target("answers-500", failing), target("hangs", hanging)]);
    let broken: Awaited<ReturnType<typeof confirmLatencies>>;
    let hangingDuringConfirms = 0;
    try {
      broken = await confirmLatencies(second.url, services.slice(ROLLOUTS), ecs, offset);
      hangingDuringConfirms = hanging.open();
    } finally {
      await second.stop();
    }
    return {
      rollouts: ROLLOUTS,
      delivered: lags.filter((l) => Number.isFinite(l)).length,
      outcomeToReceivedMs: summarise(lags),
      confirmToUpdateServiceMs: { healthyReceiver: summarise(base.ms), brokenReceivers: summarise(broken.ms) },
      brokenReceivers: { answered500: failing.received.length, hangingDuringConfirms },
    };
  } finally {
    ecs.destroy();
    await Promise.all([healthy.close(), failing.close(), hanging.close()]);
    await control.clearFaults();
  }
}
