// Several replicas on one Postgres database (issue 13, item 5): two `npm start` servers of the production
// build share a fresh database and one sandbox. Every operation is followed by exactly one of them (the
// store's leases), ten concurrent requests for one service make one UpdateService, a replica killed
// mid-rollout is replaced by the other after leaseTtlMs, a replica stopped with SIGTERM hands its leases
// over at once and exits 0, and an operation left running while every replica was down is finished by
// the next one to start. The sandbox's clock is frozen while a test needs a rollout to stay in progress,
// and runs at TIME_SCALE otherwise, so each rollout takes seconds.
import { existsSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROLLBACK_CLUSTER, seedRollbackServices, type BenchService } from "../support/rollback-services";
import { freshPostgresDatabase, type PostgresDatabase } from "../support/postgres-database";
import { SandboxControl } from "../support/sandbox-control";
import { DIST_DIR, startSandbox, type Started } from "./support/processes";
import { replicaSet, type ReplicaSet } from "./support/replicas";

const TIME_SCALE = 20;
const POLL_MS = 500;
const LEASE_TTL_MS = 6000;
const WINDOW_MS = 5000;

interface OperationRow {
  status: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
}

let sandbox: Started;
let control: SandboxControl;
let database: PostgresDatabase;
let db: pg.Pool;
let set: ReplicaSet;
let services: BenchService[];
/** The two running replicas; a test that stops one starts its replacement in the same slot. */
const replicas: Started[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function rollback(replica: Started, service: BenchService, key = `replicas-${randomUUID()}`): Promise<Response> {
  const target = `${service.family}:${service.current === 1 ? 2 : 1}`;
  return fetch(`${replica.url}/api/v1/services/sandbox/${ROLLBACK_CLUSTER}/${service.service}/operations`, {
    method: "POST",
    headers: { ...set.deployer, "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify({ action: "rollback", target: { revision: target }, reason: "replicas test" }),
  });
}

/** Starts a rollback of `service` on `replica` and returns its operation id (the service now runs the other revision). */
async function startRollback(replica: Started, service: BenchService): Promise<string> {
  const response = await rollback(replica, service);
  const body = (await response.json()) as { operation?: { id: string }; error?: unknown };
  expect(response.status, JSON.stringify(body)).toBe(202);
  service.current = service.current === 1 ? 2 : 1;
  return body.operation!.id;
}

async function row(id: string): Promise<OperationRow> {
  const { rows } = await db.query<OperationRow>("select status, lease_owner, lease_expires_at from operations where id = $1", [id]);
  return rows[0]!;
}

/** Lease owners are `host:pid:random`; the replica whose server process has that pid. */
const replicaOf = (owner: string | null) => replicas.find((r) => owner?.split(":")[1] === String(r.child.pid));

async function holderOf(id: string): Promise<{ holder: Started; other: Started; expiresAt: Date }> {
  const leased = await waitFor(`a lease on ${id}`, async () => {
    const r = await row(id);
    return r.lease_owner ? r : undefined;
  });
  const holder = replicaOf(leased.lease_owner);
  expect(holder, `lease owner ${leased.lease_owner} is one of the replicas`).toBeDefined();
  return { holder: holder!, other: replicas.find((r) => r !== holder)!, expiresAt: new Date(leased.lease_expires_at!) };
}

async function outcomeOf(replica: Started, id: string): Promise<string> {
  return waitFor(`the outcome of ${id}`, async () => {
    const response = await fetch(`${replica.url}/api/v1/operations/${id}`, { headers: set.deployer });
    const { status } = (await response.json()) as { status: string };
    return status === "running" ? undefined : status;
  });
}

async function outcomeEvents(id: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>("select count(*) as n from audit_events where operation_id = $1 and kind = 'outcome'", [id]);
  return Number(rows[0]!.n);
}

async function calls(operation: string): Promise<number> {
  return (await control.counters()).operations[operation]?.calls ?? 0;
}

async function replace(stopped: Started): Promise<void> {
  replicas[replicas.indexOf(stopped)] = await set.start();
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST_DIR, "BUILD_ID"))) throw new Error(`No build in ${DIST_DIR}: run \`npx next build\` first`);
  sandbox = await startSandbox(TIME_SCALE);
  control = new SandboxControl(sandbox.url);
  services = await seedRollbackServices(sandbox.url, control, 6);
  database = await freshPostgresDatabase("steadystate_replicas");
  db = new pg.Pool({ connectionString: database.url, max: 2 });
  // An idle connection the server drops must not crash the test process; the next query reconnects.
  db.on("error", (error) => console.error("replicas test: an idle Postgres connection failed:", error.message));
  set = replicaSet({ sandboxUrl: sandbox.url, databaseUrl: database.url, deploy: { pollIntervalMs: POLL_MS, leaseTtlMs: LEASE_TTL_MS } });
  // One after the other: the second migrates a database the first already did, as a rolling deploy would.
  replicas.push(await set.start());
  replicas.push(await set.start());
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop("SIGKILL")));
  await db?.end();
  await database?.drop();
  await sandbox?.stop();
  set?.dispose();
});

describe("two replicas on one Postgres database", () => {
  test("a rollback started on either replica is followed by exactly one of them: one UpdateService and one outcome each", async () => {
    await control.freeze();
    await control.resetCounters();
    const [a, b] = replicas as [Started, Started];
    const ids = [await startRollback(a, services[0]!), await startRollback(b, services[1]!)];
    for (const id of ids) await holderOf(id);
    await control.resume();
    for (const id of ids) expect(await outcomeOf(a, id)).toBe("succeeded");
    expect(await calls("UpdateService")).toBe(2);
    for (const id of ids) expect(await outcomeEvents(id)).toBe(1);
  });

  test("one operation costs the DescribeServiceDeployments of one follower, not one per replica", async () => {
    await control.freeze();
    const id = await startRollback(replicas[1]!, services[2]!);
    await holderOf(id);
    await sleep(POLL_MS * 2);
    await control.resetCounters();
    await sleep(WINDOW_MS);
    const followed = await calls("DescribeServiceDeployments");
    // One follower polls at most once per POLL_MS (ticks are scheduled after the last one ends); two
    // replicas both following it would make about twice that.
    expect(followed).toBeGreaterThanOrEqual(1);
    expect(followed).toBeLessThanOrEqual(WINDOW_MS / POLL_MS + 1);
    await control.resume();
    expect(await outcomeOf(replicas[0]!, id)).toBe("succeeded");
  });

  test("ten concurrent requests for the same rollback across both replicas make one UpdateService; nine get 409 naming the holder", async () => {
    await control.freeze();
    await control.resetCounters();
    const service = services[3]!;
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => rollback(replicas[i % 2]!, service)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ operation?: { id: string }; error?: { code: string; reason: string; heldBy: string; operationId: string; message: string } }>;
    const started = bodies.filter((_, i) => responses[i]!.status === 202);
    expect(started).toHaveLength(1);
    const winner = started[0]!.operation!.id;
    service.current = service.current === 1 ? 2 : 1;
    const refused = bodies.filter((_, i) => responses[i]!.status !== 202);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(9);
    for (const { error } of refused) {
      expect(error).toMatchObject({ code: "conflict", reason: "lock-held", heldBy: "replicas-deployer", operationId: winner });
      expect(error!.message).toContain("replicas-deployer is already changing this service");
    }
    expect(await calls("UpdateService")).toBe(1);
    await control.resume();
    expect(await outcomeOf(replicas[0]!, winner)).toBe("succeeded");
  });

  test("kill -9 of the replica following a rollout: the other takes its lease after leaseTtlMs and records the outcome", async () => {
    await control.freeze();
    await control.resetCounters();
    const id = await startRollback(replicas[0]!, services[4]!);
    const { holder, other, expiresAt } = await holderOf(id);
    await holder.stop("SIGKILL");
    const takenAt = await waitFor("the other replica's lease", async () => (replicaOf((await row(id)).lease_owner) === other ? Date.now() : undefined));
    // A lease that is not given back can only be claimed once it has expired.
    expect(takenAt).toBeGreaterThanOrEqual(expiresAt.getTime());
    await control.resume();
    expect(await outcomeOf(other, id)).toBe("succeeded");
    expect(await outcomeEvents(id)).toBe(1);
    expect(await calls("UpdateService")).toBe(1);
    await replace(holder);
  });

  test("SIGTERM to the replica following a rollout: it finishes its request in flight, exits 0, and the other takes the lease over long before it would have expired", async () => {
    await control.freeze();
    await control.resetCounters();
    const id = await startRollback(replicas[1]!, services[5]!);
    const { holder, other } = await holderOf(id);
    // The holder renews every tick; this is the expiry it has reached when SIGTERM arrives.
    const expiresAt = new Date((await row(id)).lease_expires_at!);
    // A request in flight when SIGTERM arrives (its ListClusters held for 2.5 s) is answered within the
    // grace, telling the client to take its next request elsewhere.
    await control.setFaults({ rules: { ListClusters: { latencyMs: 2500 } } });
    const reading = fetch(`${holder.url}/api/v1/services`, { headers: set.deployer }).then(
      (r) => ({ status: r.status, connection: r.headers.get("connection"), at: Date.now() }),
      (error: unknown) => ({ status: 0, connection: `failed: ${String(error)}`, at: Date.now() }),
    );
    await waitFor("the request to reach AWS", async () => ((await calls("ListClusters")) > 0 ? true : undefined));
    const taken = waitFor("the other replica's lease", async () => (replicaOf((await row(id)).lease_owner) === other ? Date.now() : undefined));
    const sigtermAt = Date.now();
    expect(await holder.stop("SIGTERM", 10_000)).toBe(0);
    await control.clearFaults();
    const takenAt = await taken;
    expect(takenAt).toBeLessThan(expiresAt.getTime());
    const read = await reading;
    expect(read).toMatchObject({ status: 200, connection: "close" });
    expect(read.at).toBeGreaterThan(sigtermAt);
    expect(holder.output()).toMatch(/shutdown: follower stopped, 1 lease\(s\) released/);
    expect(holder.output()).toMatch(/shutdown: done in \d+ ms; exiting 0/);
    await control.resume();
    expect(await outcomeOf(other, id)).toBe("succeeded");
    expect(await outcomeEvents(id)).toBe(1);
    expect(await calls("UpdateService")).toBe(1);
    await replace(holder);
  });

  test("nothing is lost: a rollout left running while every replica was down is finished by the next replica to start", async () => {
    await control.freeze();
    await control.resetCounters();
    const id = await startRollback(replicas[0]!, services[0]!);
    await holderOf(id);
    await Promise.all(replicas.map((r) => r.stop("SIGKILL")));
    // ECS finishes the deployment while no dashboard runs.
    await control.advance(10 * 60_000);
    expect((await row(id)).status).toBe("running");
    replicas.splice(0, replicas.length, await set.start());
    expect(await outcomeOf(replicas[0]!, id)).toBe("succeeded");
    expect(await outcomeEvents(id)).toBe(1);
    expect(await calls("UpdateService")).toBe(1);
    await control.resume();
  });
});
