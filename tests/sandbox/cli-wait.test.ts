// `aws ecs wait services-stable` polls DescribeServices every 15 s of wall time (ECS waiters-2.json).
// The sandbox runs 5× faster than real time here: the rollout takes 57 sandbox seconds (11 wall seconds,
// room for the CLI to start on a busy machine), so the waiter's first poll sees it in progress and its
// second, 15 s later (75 sandbox seconds), finds it done. The test takes about 20 s. It uses payments, a
// ROLLING service: the demo's web deploys blue/green, whose bake time the waiter would also call stable (§8.3).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "../support/aws-cli";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: "demo", frozen: false, timeScale: 5 });
});
afterAll(() => sandbox.close());

describe("aws ecs wait services-stable", () => {
  it("returns once the deployment started by update-service has replaced every task", async () => {
    const update = await awsCli(sandbox.endpoint, ["ecs", "update-service", "--cluster", "production", "--service", "payments", "--force-new-deployment"]);
    expect(update.code, update.stderr).toBe(0);
    const started = (JSON.parse(update.stdout) as { service: { deployments: Array<{ id: string; status: string; rolloutState: string }> } }).service;
    const primary = started.deployments.find((deployment) => deployment.status === "PRIMARY");
    expect(primary?.rolloutState).toBe("IN_PROGRESS");
    expect(started.deployments.length).toBeGreaterThan(1);

    await sandbox.control.resetCounters();
    const wait = await awsCli(sandbox.endpoint, ["ecs", "wait", "services-stable", "--cluster", "production", "--services", "payments"], { timeoutMs: 45_000 });
    expect(wait.code, wait.stderr).toBe(0);
    // It really waited: the first poll saw the rollout in progress.
    expect((await sandbox.control.counters()).operations.DescribeServices?.calls).toBeGreaterThanOrEqual(2);

    const described = await awsCli(sandbox.endpoint, ["ecs", "describe-services", "--cluster", "production", "--services", "payments"]);
    const [service] = (JSON.parse(described.stdout) as { services: Array<{ deployments: Array<{ id: string; rolloutState: string }>; runningCount: number; desiredCount: number }> }).services;
    expect(service?.deployments).toEqual([expect.objectContaining({ id: primary?.id, rolloutState: "COMPLETED" })]);
    expect(service?.runningCount).toBe(service?.desiredCount);
  }, 60_000);
});
