// The "what changed?" timeline against the demo sandbox and a SQLite store of its own: ECS service
// deployments merged with operations created through the store, deduplicated, filtered, paged, exported.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DescribeImagesCommand } from "@aws-sdk/client-ecr";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequestError } from "@/lib/errors";
import { getTimeline } from "@/lib/queries/timeline";
import type { TimelineEntry } from "@/lib/queries/timeline-entry";
import { exportTimeline, timelineCsv } from "@/lib/queries/timeline-export";
import { parseTimelineQuery } from "@/lib/queries/timeline-query";
import { createOperation, createStore, updateOperation, type Store } from "@/lib/store";
import { callsOf, demoConfig, sandboxEnvironment, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });
const config = demoConfig();
let dir = "";
let store: Store;
let now: Date;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "steady-timeline-"));
  store = createStore(`file:${path.join(dir, "store.db")}`);
  await store.migrate();
  now = new Date(await sandbox.control.now());
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const timeline = async (params: Record<string, string>) => getTimeline(parseTimelineQuery(params, now), { config, now, store });

/** Every ECS service deployment of the demo created in the last `days`, read straight from the sandbox. */
async function ecsArns(days: number): Promise<string[]> {
  const out: string[] = [];
  for (const cluster of ["production", "staging"]) {
    const services = await sandbox.ecs.send(new ListServicesCommand({ cluster }));
    for (const serviceArn of services.serviceArns ?? []) {
      let nextToken: string | undefined;
      do {
        const listed = await sandbox.ecs.send(
          new ListServiceDeploymentsCommand({ cluster, service: serviceArn, createdAt: { after: new Date(now.getTime() - days * 86_400_000) }, nextToken }),
        );
        out.push(...(listed.serviceDeployments ?? []).map((d) => d.serviceDeploymentArn ?? ""));
        nextToken = listed.nextToken;
      } while (nextToken);
    }
  }
  return out;
}

async function allPages(params: Record<string, string>): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await timeline({ ...params, ...(cursor && { cursor }) });
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

async function ourOperation(opts: { service: string; minutesAgo: number; actor?: string; reason?: string; serviceDeploymentArn?: string; status?: "succeeded" | "rolled_back" }) {
  const { operation } = await createOperation(store.db, {
    idempotencyKey: `${opts.service}-${opts.minutesAgo}`,
    env: "sandbox",
    cluster: "production",
    service: opts.service,
    action: "rollback",
    actor: opts.actor ?? "ada@example.com",
    actorKind: "user",
    role: "deployer",
    reason: opts.reason ?? "INC-7: crashing image",
    from: { label: `${opts.service}:9`, containers: [] },
    to: { label: `${opts.service}:8`, containers: [] },
    plan: { summary: "roll back" },
    now: new Date(now.getTime() - opts.minutesAgo * 60_000),
  });
  const updated = await updateOperation(
    store.db,
    operation.id,
    { status: opts.status ?? "succeeded", serviceDeploymentArn: opts.serviceDeploymentArn ?? null, finishedAt: now },
    { now },
  );
  if (!updated) throw new Error("operation not updated");
  return updated;
}

const isNewestFirst = (entries: TimelineEntry[]) => entries.every((e, i) => i === 0 || entries[i - 1]!.at.getTime() >= e.at.getTime());

describe("the timeline of the demo", () => {
  it("lists every ECS service deployment of the window as made outside the dashboard, newest first", async () => {
    const page = await timeline({ window: "30d", limit: "200" });
    expect(page.errors).toEqual([]);
    expect(page.entries.map((e) => e.serviceDeploymentArn).sort()).toEqual((await ecsArns(30)).sort());
    expect(page.entries.every((e) => e.source === "outside" && e.actor === null && e.href.startsWith("/services/sandbox/"))).toBe(true);
    expect(isNewestFirst(page.entries)).toBe(true);
    const rollback = page.entries.find((e) => e.service === "my-api" && e.ecsStatus === "ROLLBACK_SUCCESSFUL");
    expect(rollback).toMatchObject({ cluster: "production", outcome: "rolled_back", href: "/services/sandbox/production/my-api" });
    // Service revisions resolve to the task definitions the deployment moved from and to.
    expect(rollback?.to).toMatch(/^my-api:\d+$/);
    expect(rollback?.from.length).toBeGreaterThan(0);
    expect(rollback?.from).not.toContain(rollback?.to);
  });

  it("keeps the clusters it could read when one configured cluster is missing", async () => {
    const partial = demoConfig({ environments: [sandboxEnvironment({ clusters: ["staging", "gone"] })] });
    const page = await getTimeline(parseTimelineQuery({ window: "30d", limit: "200" }, now), { config: partial, now, store });
    expect(page.errors).toEqual([{ envId: "sandbox", cluster: "gone", error: expect.objectContaining({ kind: "not-found" }) }]);
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.cluster === "staging")).toBe(true);
  });

  it("asks ECS only for the window, and a second look is served from the cache", async () => {
    const day = await timeline({ window: "24h", limit: "200" });
    expect(day.entries.map((e) => e.serviceDeploymentArn).sort()).toEqual((await ecsArns(1)).sort());
    await sandbox.control.resetCounters();
    await timeline({ window: "24h", limit: "200" });
    expect(callsOf(await sandbox.control.counters(), "ListServiceDeployments")).toBe(0);
  });
});

describe("our operations in the timeline", () => {
  it("shows an ECS deployment our operation made once, as ours, with ECS's status", async () => {
    const before = await timeline({ window: "30d", service: "my-api", limit: "200" });
    const ecsMade = before.entries[0]!;
    const op = await ourOperation({ service: "my-api", minutesAgo: (now.getTime() - ecsMade.at.getTime()) / 60_000 + 0.5, serviceDeploymentArn: ecsMade.serviceDeploymentArn!, status: "rolled_back" });

    const after = await timeline({ window: "30d", service: "my-api", limit: "200" });
    expect(after.entries).toHaveLength(before.entries.length);
    const ours = after.entries.filter((e) => e.serviceDeploymentArn === ecsMade.serviceDeploymentArn);
    expect(ours).toEqual([
      expect.objectContaining({
        key: `op:${op.id}`,
        source: "steady-state",
        actor: { name: "ada@example.com", kind: "user", role: "deployer" },
        reason: "INC-7: crashing image",
        from: ["my-api:9"],
        to: "my-api:8",
        outcome: "rolled_back",
        ecsStatus: ecsMade.ecsStatus,
        href: `/operations/${op.id}`,
      }),
    ]);
  });

  it("filters by service, cluster, environment, actor, outcome and source", async () => {
    await ourOperation({ service: "payments", minutesAgo: 3, actor: "dan@example.com", reason: "CRITICAL finding" });
    const payments = await timeline({ window: "30d", service: "payments", limit: "200" });
    expect(payments.entries.length).toBeGreaterThan(1);
    expect(payments.entries.every((e) => e.service === "payments")).toBe(true);

    const dan = await timeline({ window: "30d", actor: "dan@example.com" });
    expect(dan.entries.map((e) => [e.service, e.actor?.name, e.reason])).toEqual([["payments", "dan@example.com", "CRITICAL finding"]]);

    const rolledBack = await timeline({ window: "30d", outcome: "rolled_back", limit: "200" });
    expect(rolledBack.entries.length).toBeGreaterThan(0);
    expect(rolledBack.entries.every((e) => e.outcome === "rolled_back")).toBe(true);

    const ours = await timeline({ window: "30d", source: "ours", limit: "200" });
    expect(ours.entries.every((e) => e.source === "steady-state")).toBe(true);
    expect(ours.entries).toHaveLength(2);
    const outside = await timeline({ window: "30d", source: "outside", limit: "200" });
    expect(outside.entries.every((e) => e.source === "outside")).toBe(true);

    const staging = await timeline({ window: "30d", cluster: "staging", limit: "200" });
    expect(staging.entries.length).toBeGreaterThan(0);
    expect(staging.entries.every((e) => e.cluster === "staging")).toBe(true);
    expect(await timeline({ window: "30d", env: "elsewhere" })).toMatchObject({ entries: [], nextCursor: null });
  });

  it("pages through the merged timeline with cursors: same entries, same order, none twice", async () => {
    const whole = await timeline({ window: "30d", limit: "200" });
    expect(whole.nextCursor).toBeNull();
    for (const limit of ["1", "2", "3"]) {
      const paged = await allPages({ window: "30d", limit });
      expect(paged.map((e) => e.key)).toEqual(whole.entries.map((e) => e.key));
    }
    expect(whole.entries.some((e) => e.source === "steady-state")).toBe(true);
  });

  it("refuses input it cannot use with a 400 naming the field", async () => {
    const refusals: Array<[Record<string, string>, RegExp]> = [
      [{ cursor: "not-a-cursor" }, /^cursor:/],
      [{ cursor: Buffer.from(JSON.stringify({ o: "forged", e: null })).toString("base64url") }, /^cursor:/],
      [{ window: "24h", from: "2026-01-01T00:00" }, /^window:/],
      [{ window: "2w" }, /^window:/],
      [{ outcome: "exploded" }, /^outcome:/],
      [{ limit: "0" }, /^limit:/],
      [{ limit: "201" }, /^limit:/],
      [{ from: "yesterday" }, /^from:/],
      [{ env: "../etc" }, /^env:/],
      [{ service: "a b" }, /^service:/],
    ];
    for (const [params, message] of refusals) {
      const attempt = timeline(params);
      await expect(attempt).rejects.toBeInstanceOf(BadRequestError);
      await expect(attempt).rejects.toThrow(message);
    }
  });

  it("accepts a custom range from a datetime-local field as UTC", async () => {
    const from = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 16);
    const page = await timeline({ from, limit: "200" });
    expect(page.window).toMatchObject({ preset: "custom", from: new Date(`${from}Z`), to: now });
    expect(page.entries.every((e) => e.at.getTime() >= new Date(`${from}Z`).getTime())).toBe(true);
  });
});

describe("export", () => {
  it("exports every page of the filtered window, as CSV with formula-safe cells and as JSON", async () => {
    await ourOperation({ service: "web", minutesAgo: 1, reason: '=HYPERLINK("http://evil.example","click")' });
    const whole = await timeline({ window: "30d", limit: "200" });
    const exported = await exportTimeline(parseTimelineQuery({ window: "30d", limit: "2" }, now), { config, now, store });
    expect(exported.truncated).toBe(false);
    expect(exported.entries.map((e) => e.key)).toEqual(whole.entries.map((e) => e.key));

    const csv = timelineCsv(exported.entries);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("at,finished_at,source,environment,cluster,service,action,actor,actor_role,outcome,ecs_status,from,to,commits,run_url,reason,detail,operation_id,parent_operation_id,service_deployment_arn");
    expect(lines).toHaveLength(whole.entries.length + 1);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);

    const capped = await exportTimeline(parseTimelineQuery({ window: "30d" }, now), { config, now, store }, 3);
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.entries).toHaveLength(3);
  });
});

describe("provenance", () => {
  const RUN = "https://github.com/example/payments/actions/runs/4242";

  /** What docs/examples/github-actions.yml does: a revision of what runs now with only the image changed, tagged with the run. */
  async function pipelineDeploy(tag: string): Promise<string> {
    const service = (await sandbox.ecs.send(new DescribeServicesCommand({ cluster: "production", services: ["payments"] }))).services![0]!;
    const current = (await sandbox.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }))).taskDefinition!;
    const [first, ...rest] = current.containerDefinitions!;
    const image = first!.image!.replace(/[:@].*$/, "") + `:${tag}`;
    const input: RegisterTaskDefinitionCommandInput = {
      family: current.family!,
      networkMode: current.networkMode,
      requiresCompatibilities: current.requiresCompatibilities,
      cpu: current.cpu,
      memory: current.memory,
      executionRoleArn: current.executionRoleArn,
      taskRoleArn: current.taskRoleArn,
      containerDefinitions: [{ ...first!, image }, ...rest],
      tags: [{ key: "ci:run-url", value: RUN }],
    };
    const arn = (await sandbox.ecs.send(new RegisterTaskDefinitionCommand(input))).taskDefinition!.taskDefinitionArn!;
    await sandbox.ecs.send(new UpdateServiceCommand({ cluster: "production", service: "payments", taskDefinition: arn }));
    return arn;
  }

  it("names the commit and the CI run of a deployment the pipeline made, from the revision's image tag and ci:run-url tag", async () => {
    const images = await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: "payments", filter: { tagStatus: "TAGGED" } }));
    const tag = images.imageDetails!.flatMap((d) => d.imageTags ?? []).find((t) => /^prod-[0-9a-f]{40}$/.test(t))!;
    const sha = tag.slice("prod-".length);
    const arn = await pipelineDeploy(tag);
    // The sandbox clock may stand still: a window ending a second later includes what started at its "now".
    const later = new Date(new Date(await sandbox.control.now()).getTime() + 1000);
    const page = await getTimeline(parseTimelineQuery({ window: "1h", service: "payments" }, later), { config, now: later, store });
    const entry = page.entries.find((e) => e.toTaskDefinitionArn === arn);
    expect(entry).toMatchObject({
      source: "outside",
      runUrl: RUN,
      commits: [{ container: expect.any(String), sha, shortSha: sha.slice(0, 7), url: `https://github.com/example/payments/commit/${sha}` }],
    });
    expect(timelineCsv([entry!])).toContain(`=${sha},${RUN},`);
  });

  it("names the commit of our own operation from what the store recorded, without reading AWS", async () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const { operation } = await createOperation(store.db, {
      idempotencyKey: "provenance-ours",
      env: "sandbox",
      cluster: "production",
      service: "notifications",
      action: "deploy",
      actor: "ada@example.com",
      actorKind: "user",
      role: "deployer",
      reason: "ship the fix",
      from: { label: "notifications:3", containers: [] },
      to: { label: "notifications:4", taskDefinitionArn: "arn:aws:ecs:ap-south-1:123456789012:task-definition/notifications:4", containers: [{ name: "app", image: `123456789012.dkr.ecr.ap-south-1.amazonaws.com/notifications@sha256:${"b".repeat(64)}`, sha }] },
      plan: { summary: "deploy" },
      now: new Date(now.getTime() - 60_000),
    });
    await sandbox.control.resetCounters();
    const page = await timeline({ window: "24h", service: "notifications", source: "ours" });
    const entry = page.entries.find((e) => e.operationId === operation.id);
    expect(entry).toMatchObject({ runUrl: null, commits: [{ container: "app", sha, url: `https://github.com/example/notifications/commit/${sha}` }] });
    expect(callsOf(await sandbox.control.counters(), "DescribeTaskDefinition")).toBe(0);
  });
});
