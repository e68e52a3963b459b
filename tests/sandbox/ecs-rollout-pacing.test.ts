// Rolling updates under each pacing setting (aws-behaviour.md §3.3), D = 4. Tasks take 7 s to reach
// RUNNING, count as healthy 40 s later, and take 10 s to drain, so each instant below is a known state.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activeOf, EcsFixture, messages, primaryOf, stableService } from "./ecs-fixtures";

interface Expected {
  /** Seconds after UpdateService. */
  at: number;
  primary: { running: number; pending: number; rollout: string };
  /** Running tasks of the ACTIVE (old) deployment, or null once it has dropped off the list. */
  active: { running: number; desired: number } | null;
}

const cases: { name: string; min: number; max: number; timeline: Expected[] }[] = [
  {
    name: "min 100 / max 200 starts 4 before stopping 4",
    min: 100,
    max: 200,
    timeline: [
      { at: 1, primary: { running: 0, pending: 4, rollout: "IN_PROGRESS" }, active: { running: 4, desired: 4 } },
      { at: 10, primary: { running: 4, pending: 0, rollout: "IN_PROGRESS" }, active: { running: 4, desired: 4 } },
      { at: 50, primary: { running: 4, pending: 0, rollout: "IN_PROGRESS" }, active: { running: 0, desired: 0 } },
      { at: 60, primary: { running: 4, pending: 0, rollout: "COMPLETED" }, active: null },
    ],
  },
  {
    name: "min 50 / max 100 stops 2 before starting 2",
    min: 50,
    max: 100,
    timeline: [
      { at: 1, primary: { running: 0, pending: 2, rollout: "IN_PROGRESS" }, active: { running: 2, desired: 2 } },
      { at: 10, primary: { running: 2, pending: 0, rollout: "IN_PROGRESS" }, active: { running: 2, desired: 2 } },
      { at: 50, primary: { running: 2, pending: 2, rollout: "IN_PROGRESS" }, active: { running: 0, desired: 0 } },
      { at: 60, primary: { running: 4, pending: 0, rollout: "IN_PROGRESS" }, active: null },
      { at: 100, primary: { running: 4, pending: 0, rollout: "COMPLETED" }, active: null },
    ],
  },
  {
    name: "min 0 / max 100 stops everything, then starts 4",
    min: 0,
    max: 100,
    timeline: [
      { at: 1, primary: { running: 0, pending: 4, rollout: "IN_PROGRESS" }, active: { running: 0, desired: 0 } },
      { at: 20, primary: { running: 4, pending: 0, rollout: "IN_PROGRESS" }, active: null },
      { at: 50, primary: { running: 4, pending: 0, rollout: "COMPLETED" }, active: null },
    ],
  },
];

describe("rolling update pacing", () => {
  let fx: EcsFixture;
  beforeEach(async () => {
    fx = await EcsFixture.start();
  });
  afterEach(() => fx.close());

  it.each(cases)("$name", async ({ min, max, timeline }) => {
    const { v1, v2 } = await stableService(fx, "web", 4, { minimumHealthyPercent: min, maximumPercent: max });
    const before = await fx.describe("web");
    const oldId = primaryOf(before)?.id;
    expect(before.runningCount).toBe(4);

    const updated = await fx.update("web", { taskDefinition: v2 });
    const newPrimary = primaryOf(updated);
    expect(newPrimary).toMatchObject({ taskDefinition: v2, rolloutState: "IN_PROGRESS", runningCount: 0, desiredCount: 4 });
    expect(newPrimary?.rolloutStateReason).toBe(`ECS deployment ${newPrimary?.id} in progress.`);
    expect(activeOf(updated)).toMatchObject([{ id: oldId, taskDefinition: v1 }]);

    let elapsed = 0;
    for (const expected of timeline) {
      await fx.advance(expected.at - elapsed);
      elapsed = expected.at;
      const service = await fx.describe("web");
      const primary = primaryOf(service);
      expect(primary?.id, `at +${expected.at}s`).toBe(newPrimary?.id);
      expect({ running: primary?.runningCount, pending: primary?.pendingCount, rollout: primary?.rolloutState }, `at +${expected.at}s`).toEqual(
        expected.primary,
      );
      const active = activeOf(service);
      if (expected.active === null) expect(active, `at +${expected.at}s`).toEqual([]);
      else expect({ running: active[0]?.runningCount, desired: active[0]?.desiredCount }, `at +${expected.at}s`).toEqual(expected.active);
      const sum = (service.deployments ?? []).reduce((n, d) => n + (d.runningCount ?? 0), 0);
      expect(service.runningCount, "service counts are summed over deployments").toBe(sum);
    }

    const done = await fx.describe("web");
    expect(done.taskDefinition).toBe(v2);
    expect(primaryOf(done)?.rolloutStateReason).toBe(`ECS deployment ${newPrimary?.id} completed.`);
    expect(messages(done).slice(0, 2)).toEqual([
      "(service web) has reached a steady state.",
      `(service web) (deployment ${newPrimary?.id}) deployment completed.`,
    ]);
    const stopped = await fx.tasks("web", "STOPPED");
    expect(stopped).toHaveLength(4);
    for (const task of stopped) {
      expect(task).toMatchObject({
        lastStatus: "STOPPED",
        stopCode: "ServiceSchedulerInitiated",
        stoppedReason: `Scaling activity initiated by (deployment ${newPrimary?.id})`,
        startedBy: oldId,
      });
    }
  });

  it("scales on a desiredCount change without a new deployment", async () => {
    await stableService(fx, "web", 2);
    const id = primaryOf(await fx.describe("web"))?.id;
    await fx.update("web", { desiredCount: 5 });
    await fx.advance(60);
    const service = await fx.describe("web");
    expect(service.deployments).toHaveLength(1);
    expect(primaryOf(service)).toMatchObject({ id, desiredCount: 5, runningCount: 5, rolloutState: "COMPLETED" });
    expect(messages(service)[0]).toBe("(service web) has reached a steady state.");
    expect(messages(service)[1]).toMatch(/^\(service web\) has started 3 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);

    await fx.update("web", { desiredCount: 1 });
    await fx.advance(30);
    expect(await fx.describe("web")).toMatchObject({ desiredCount: 1, runningCount: 1, pendingCount: 0 });
  });

  it("starts the first deployment of a new service from zero", async () => {
    const v1 = await fx.register("api", "public.ecr.aws/nginx/nginx:1.27");
    const created = await fx.createService("api", v1, 3);
    expect(created.deployments).toMatchObject([{ status: "PRIMARY", rolloutState: "IN_PROGRESS", runningCount: 0, desiredCount: 3 }]);
    expect(created.deployments?.[0]?.id).toMatch(/^ecs-svc\/\d{19}$/);
    await fx.advance(60);
    const service = await fx.describe("api");
    expect(service).toMatchObject({ runningCount: 3, pendingCount: 0, taskDefinition: v1 });
    expect(primaryOf(service)?.rolloutState).toBe("COMPLETED");
  });

  it.each([
    { change: "deploymentConfiguration", input: { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }, deploys: false },
    { change: "desiredCount", input: { desiredCount: 3 }, deploys: false },
    { change: "the same taskDefinition", input: { taskDefinition: "web:1" }, deploys: false },
    { change: "forceNewDeployment", input: { forceNewDeployment: true }, deploys: true },
    { change: "a new taskDefinition", input: { taskDefinition: "web:2" }, deploys: true },
  ])("UpdateService with $change starts a deployment: $deploys", async ({ input, deploys }) => {
    await stableService(fx, "web", 2, { maximumPercent: 150, minimumHealthyPercent: 50 });
    const updated = await fx.update("web", input);
    expect(updated.deployments).toHaveLength(deploys ? 2 : 1);
    // A partial deploymentConfiguration is merged into the current one.
    expect(updated.deploymentConfiguration).toMatchObject({ maximumPercent: 150, minimumHealthyPercent: 50 });
  });
});
