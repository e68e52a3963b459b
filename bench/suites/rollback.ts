// The rollback speed targets (issue 10), with 30 ms of latency on every AWS call and the sandbox at
// time scale 1: confirm (POST) → the sandbox creating the deployment for UpdateService; deployment
// SUCCESSFUL → the API showing `succeeded`, beside the same rollouts followed by `aws ecs wait
// services-stable` started at the same moment; and the follower's AWS calls per second with 1 and
// with 20 operations followed at once. Sandbox timestamps are turned into wall-clock time with the
// sandbox clock's measured offset (the same machine, so it is constant).
import { DescribeServiceDeploymentsCommand, ECSClient, type ServiceDeployment } from "@aws-sdk/client-ecs";
import { awsCli } from "../../tests/support/aws-cli";
import type { SandboxControl } from "../../tests/support/sandbox-control";
import { countCalls, totalCalls, type CallCounts } from "../lib/aws-calls";
import { BENCH_AUTH_HEADERS } from "../lib/bench-auth";
import { startRollback, watchOutcomes, type StartedRollback } from "../lib/operations-api";
import { ROLLBACK_CLUSTER, seedRollbackServices } from "../../tests/support/rollback-services";
import { BENCH_CREDENTIALS, benchClientConfig } from "../lib/sandbox-env";
import { clockOffset } from "../lib/clock-offset";
import { startApp } from "../lib/servers";
import { round, summarise } from "../lib/stats";

const ROLLOUTS = 12;
const FOLLOWED_AT_ONCE = 20;
const WINDOW_MS = 10_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface RollbackResult {
  rollouts: number;
  confirms: number;
  outcomes: Record<string, number>;
  confirmToUpdateServiceMs: ReturnType<typeof summarise>;
  stableToOutcomeMs: ReturnType<typeof summarise>;
  cliWaiterLagMs: ReturnType<typeof summarise>;
  followerCallsPerSecond: { one: number; twenty: number; oneCalls: CallCounts; twentyCalls: CallCounts };
}

/** The service deployments the rollouts started, by ARN (at most 20 per call, as ECS allows). */
export async function describeDeployments(ecs: ECSClient, rollouts: readonly StartedRollback[]): Promise<Map<string | undefined, ServiceDeployment>> {
  const found = new Map<string | undefined, ServiceDeployment>();
  for (let i = 0; i < rollouts.length; i += 20) {
    const arns = rollouts.slice(i, i + 20).map((r) => r.serviceDeploymentArn);
    const { serviceDeployments = [] } = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns }));
    for (const d of serviceDeployments) found.set(d.serviceDeploymentArn, d);
  }
  return found;
}

async function followerRate(control: SandboxControl): Promise<{ perSecond: number; calls: CallCounts }> {
  // Let the POSTs' own reads and the first follower ticks pass, then count a whole window.
  await sleep(3000);
  const calls = await countCalls(control, () => sleep(WINDOW_MS));
  return { perSecond: round(totalCalls(calls) / (WINDOW_MS / 1000)), calls };
}

export async function rollbackSuite(sandboxUrl: string, control: SandboxControl, latencyMs: number): Promise<RollbackResult> {
  const services = await seedRollbackServices(sandboxUrl, control, FOLLOWED_AT_ONCE);
  await control.setFaults({ seed: 1, rules: { "*": { latencyMs } } });
  const app = await startApp(sandboxUrl);
  const ecs = new ECSClient(benchClientConfig(sandboxUrl));
  try {
    // Load the routes, the store and the SDK clients once, as a server that has been up a while has.
    await fetch(`${app.url}/api/v1/services/sandbox/${ROLLBACK_CLUSTER}/${services.at(-1)?.service}/plan?suggested=1`, { headers: BENCH_AUTH_HEADERS });
    const offset = await clockOffset(control);

    // Twelve rollouts, each followed by the app and, from the same moment, by the AWS CLI's waiter.
    const started: StartedRollback[] = [];
    const cliDone: Array<Promise<number>> = [];
    for (const service of services.slice(0, ROLLOUTS)) {
      started.push(await startRollback(app.url, service));
      const args = ["ecs", "wait", "services-stable", "--cluster", ROLLBACK_CLUSTER, "--services", service.service];
      cliDone.push(awsCli(sandboxUrl, args, { timeoutMs: 300_000, accessKeyId: BENCH_CREDENTIALS.accessKeyId }).then((r) => (r.code === 0 ? Date.now() : Number.NaN)));
    }
    const [seen, cliReturnedAt] = await Promise.all([watchOutcomes(app.url, started.map((s) => s.operationId)), Promise.all(cliDone)]);
    const deployments = await describeDeployments(ecs, started);
    const toWall = (sandboxTime: Date | undefined) => (sandboxTime ? sandboxTime.getTime() - offset : Number.NaN);
    const stable: number[] = [];
    const cli: number[] = [];
    const outcomes: Record<string, number> = {};
    started.forEach((s, i) => {
      const deployment = deployments.get(s.serviceDeploymentArn);
      const outcome = seen.get(s.operationId);
      outcomes[outcome?.status ?? "unknown"] = (outcomes[outcome?.status ?? "unknown"] ?? 0) + 1;
      const successfulAt = deployment?.status === "SUCCESSFUL" ? toWall(deployment.finishedAt) : Number.NaN;
      stable.push((outcome?.status === "succeeded" ? outcome.seenAt : Number.NaN) - successfulAt);
      cli.push((cliReturnedAt[i] ?? Number.NaN) - successfulAt);
    });

    // Follower cost with one operation followed, then twenty (the first still rolling out). Those
    // twenty confirms, one after another with no CLI starting beside them, give the confirm latency.
    const [first, ...rest] = services.slice(0, FOLLOWED_AT_ONCE);
    if (!first) throw new Error("bench: no services");
    const confirms = [await startRollback(app.url, first)];
    const one = await followerRate(control);
    for (const service of rest) confirms.push(await startRollback(app.url, service));
    const twenty = await followerRate(control);
    const created = await describeDeployments(ecs, confirms);
    const confirm = confirms.map((c) => toWall(created.get(c.serviceDeploymentArn)?.createdAt) - c.postedAt);

    return {
      rollouts: started.length,
      confirms: confirms.length,
      outcomes,
      confirmToUpdateServiceMs: summarise(confirm),
      stableToOutcomeMs: summarise(stable),
      cliWaiterLagMs: summarise(cli),
      followerCallsPerSecond: { one: one.perSecond, twenty: twenty.perSecond, oneCalls: one.calls, twentyCalls: twenty.calls },
    };
  } finally {
    ecs.destroy();
    await app.stop();
    await control.clearFaults();
  }
}
