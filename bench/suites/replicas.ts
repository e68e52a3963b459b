// Rollback on two replicas sharing one Postgres database (issue 13), with 30 ms on every AWS call and the
// sandbox at time scale 1: confirm (POST, alternately to either replica, once both have confirmed
// rollbacks before, as in the rollback suite) → the sandbox creating the deployment;
// deployment SUCCESSFUL → the API showing `succeeded`; and the same outcome lag when the replica
// following the rollouts dies at the moment ECS finishes them, by `kill -9` (the other replica claims
// the leases once leaseTtlMs has passed) and by SIGTERM (the leases are handed over at once). For those
// two, the sandbox clock is frozen while the rollouts start, the follower is killed or stopped, and the
// clock is then advanced past the rollouts' end: ECS reports them SUCCESSFUL from that moment.
import { once } from "node:events";
import { ECSClient } from "@aws-sdk/client-ecs";
import pg from "pg";
import { freshPostgresDatabase } from "../../tests/support/postgres-database";
import { seedRollbackServices, type BenchService } from "../../tests/support/rollback-services";
import type { SandboxControl } from "../../tests/support/sandbox-control";
import { countCalls, type CallCounts } from "../lib/aws-calls";
import { BENCH_AUTH_HEADERS } from "../lib/bench-auth";
import { startRollback, watchOutcomes, type StartedRollback } from "../lib/operations-api";
import { benchClientConfig } from "../lib/sandbox-env";
import { startApp, type Running } from "../lib/servers";
import { round, summarise } from "../lib/stats";
import { clockOffset } from "../lib/clock-offset";
import { describeDeployments } from "./rollback";

const ROLLOUTS = 12;
const PER_HAND_OVER = 4;
/** The configuration's default: what a production replica set runs with. */
export const LEASE_TTL_MS = 10_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface ReplicasResult {
  rollouts: number;
  confirms: number;
  outcomes: Record<string, number>;
  leaseTtlMs: number;
  confirmToUpdateServiceMs: ReturnType<typeof summarise>;
  stableToOutcomeMs: ReturnType<typeof summarise>;
  afterKillMs: ReturnType<typeof summarise>;
  afterSigtermMs: ReturnType<typeof summarise>;
  sigtermToExitMs: number;
  sigtermExitCode: number | null;
  calls: { rollouts: CallCounts; afterKill: CallCounts; afterSigterm: CallCounts };
}

interface HandOver {
  lags: number[];
  calls: CallCounts;
  survivor: Running;
  exit?: { ms: number; code: number | null };
}

/** The replica whose server holds the lease of each operation (lease owners are `host:pid:random`). */
async function holders(db: pg.Pool, ids: readonly string[], apps: readonly Running[]): Promise<Map<string, Running>> {
  for (;;) {
    const { rows } = await db.query<{ id: string; lease_owner: string | null }>("select id, lease_owner from operations where id = any($1)", [ids]);
    if (rows.length === ids.length && rows.every((r) => r.lease_owner)) {
      return new Map(rows.map((r) => [r.id, apps.find((app) => r.lease_owner?.split(":")[1] === String(app.process.pid))!]));
    }
    await sleep(50);
  }
}

/**
 * Starts PER_HAND_OVER rollouts on `apps[0]` with the clock frozen, ends the replica that follows them
 * (`kill`), makes ECS finish them, and measures how long until the survivor shows each outcome.
 */
async function handOver(control: SandboxControl, db: pg.Pool, apps: [Running, Running], services: BenchService[], kill: (victim: Running) => Promise<HandOver["exit"]>): Promise<HandOver> {
  await control.freeze();
  const confirms: StartedRollback[] = [];
  for (const service of services) confirms.push(await startRollback(apps[0].url, service));
  const held = await holders(db, confirms.map((c) => c.operationId), apps);
  const victim = held.get(confirms[0]!.operationId)!;
  const survivor = apps.find((app) => app !== victim)!;
  const followed = confirms.filter((c) => held.get(c.operationId) === victim);
  let exit: HandOver["exit"];
  let finishedAt = 0;
  let seen = new Map<string, { status: string; seenAt: number }>();
  const calls = await countCalls(control, async () => {
    exit = await kill(victim);
    await control.advance(5 * 60_000);
    finishedAt = Date.now();
    await control.resume();
    seen = await watchOutcomes(survivor.url, followed.map((c) => c.operationId), 50);
  });
  const lags = followed.map((c) => (seen.get(c.operationId)?.status === "succeeded" ? seen.get(c.operationId)!.seenAt - finishedAt : Number.NaN));
  // The rollouts the survivor itself followed end too; wait for them so the next phase starts clean.
  await watchOutcomes(survivor.url, confirms.map((c) => c.operationId));
  return { lags, calls, survivor, ...(exit && { exit }) };
}

async function killNine(victim: Running): Promise<undefined> {
  const exited = once(victim.process, "exit");
  victim.process.kill("SIGKILL");
  await exited;
  return undefined;
}

async function sigterm(victim: Running): Promise<{ ms: number; code: number | null }> {
  const exited = once(victim.process, "exit") as Promise<[number | null]>;
  const sent = Date.now();
  victim.process.kill("SIGTERM");
  const [code] = await exited;
  return { ms: Date.now() - sent, code };
}

export async function replicasSuite(sandboxUrl: string, control: SandboxControl, latencyMs: number): Promise<ReplicasResult> {
  const services = await seedRollbackServices(sandboxUrl, control, ROLLOUTS + 2 * PER_HAND_OVER);
  await control.setFaults({ seed: 1, rules: { "*": { latencyMs } } });
  const database = await freshPostgresDatabase("steadystate_bench");
  const db = new pg.Pool({ connectionString: database.url, max: 2 });
  // An idle connection the server drops (a restart) must not crash the bench; the next query reconnects.
  db.on("error", (error) => console.error("bench: an idle Postgres connection failed:", error.message));
  const env = { DATABASE_URL: database.url };
  const apps: Running[] = [];
  const ecs = new ECSClient(benchClientConfig(sandboxUrl));
  try {
    apps.push(await startApp(sandboxUrl, env), await startApp(sandboxUrl, env));
    // Load the routes, the store and the SDK clients once on each, as servers that have been up a while have.
    for (const app of apps) await fetch(`${app.url}/api/v1/services/sandbox/cluster-0000/${services.at(-1)?.service}/plan?suggested=1`, { headers: BENCH_AUTH_HEADERS });

    // Rollouts confirmed alternately on either replica, at time scale 1.
    const offset = await clockOffset(control);
    const started: StartedRollback[] = [];
    let seen: Awaited<ReturnType<typeof watchOutcomes>> = new Map();
    const rolloutCalls = await countCalls(control, async () => {
      for (const [i, service] of services.slice(0, ROLLOUTS).entries()) started.push(await startRollback(apps[i % 2]!.url, service));
      seen = await watchOutcomes(apps[0]!.url, started.map((s) => s.operationId));
    });
    const deployments = await describeDeployments(ecs, started);
    const toWall = (sandboxTime: Date | undefined) => (sandboxTime ? sandboxTime.getTime() - offset : Number.NaN);
    const outcomes: Record<string, number> = {};
    const stable = started.map((s) => {
      const outcome = seen.get(s.operationId);
      outcomes[outcome?.status ?? "unknown"] = (outcomes[outcome?.status ?? "unknown"] ?? 0) + 1;
      const deployment = deployments.get(s.serviceDeploymentArn);
      return outcome?.status === "succeeded" && deployment?.status === "SUCCESSFUL" ? outcome.seenAt - toWall(deployment.finishedAt) : Number.NaN;
    });

    // Then, as in the rollback suite, the confirm latency of servers that have confirmed before: a
    // rollback of every service, alternating between the replicas, one after another.
    const confirms: StartedRollback[] = [];
    for (const [i, service] of services.entries()) confirms.push(await startRollback(apps[i % 2]!.url, service));
    const created = await describeDeployments(ecs, confirms);
    const confirm = confirms.map((c) => toWall(created.get(c.serviceDeploymentArn)?.createdAt) - c.postedAt);
    await watchOutcomes(apps[0]!.url, confirms.map((c) => c.operationId));

    const killed = await handOver(control, db, apps as [Running, Running], services.slice(ROLLOUTS, ROLLOUTS + PER_HAND_OVER), killNine);
    // A fresh replica in place of the killed one, so the SIGTERM phase again has one to hand over to.
    apps.splice(0, apps.length, killed.survivor, await startApp(sandboxUrl, env));
    const stopped = await handOver(control, db, apps as [Running, Running], services.slice(ROLLOUTS + PER_HAND_OVER), sigterm);

    return {
      rollouts: started.length,
      confirms: confirm.length,
      outcomes,
      leaseTtlMs: LEASE_TTL_MS,
      confirmToUpdateServiceMs: summarise(confirm),
      stableToOutcomeMs: summarise(stable),
      afterKillMs: summarise(killed.lags),
      afterSigtermMs: summarise(stopped.lags),
      sigtermToExitMs: round(stopped.exit?.ms ?? Number.NaN),
      sigtermExitCode: stopped.exit?.code ?? null,
      calls: { rollouts: rolloutCalls, afterKill: killed.calls, afterSigterm: stopped.calls },
    };
  } finally {
    ecs.destroy();
    await control.resume().catch(() => undefined);
    await Promise.all(apps.map((app) => app.stop()));
    await db.end();
    await database.drop();
    await control.clearFaults();
  }
}
