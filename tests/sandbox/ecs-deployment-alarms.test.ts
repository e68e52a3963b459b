// Deployment alarms (aws-behaviour.md §8.3, §8.4) through the real SDK and the control API's alarm
// states. A ROLLING deployment with alarms bakes 5 minutes once its tasks are healthy: the service looks
// stable (the ServicesStable waiter returns) while the service deployment is still IN_PROGRESS.
import { waitUntilServicesStable } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SandboxControlError } from "../support/sandbox-control";
import { activeOf, CLUSTER, EcsFixture, messages, primaryOf, stableService } from "./ecs-fixtures";

const ALARM = "web-5xx-high";
const alarms = (rollback: boolean) => ({ alarms: { alarmNames: [ALARM, "web-latency-high"], enable: true, rollback } });

let fx: EcsFixture;
let v2: string;
let oldId: string;
beforeEach(async () => {
  fx = await EcsFixture.start();
  ({ v2 } = await stableService(fx, "web", 2));
  // Configured after the first rollout, so that rollout completed without an alarm bake time.
  await fx.update("web", { deploymentConfiguration: alarms(true) });
  oldId = primaryOf(await fx.describe("web"))?.id ?? "";
});
afterEach(() => fx.close());

describe("deployment alarms", () => {
  it("lets waitUntilServicesStable succeed during the alarm bake time while the deployment is IN_PROGRESS", async () => {
    const newId = primaryOf(await fx.update("web", { taskDefinition: v2 }))?.id;
    await fx.advance(120);
    const waited = await waitUntilServicesStable({ client: fx.ecs, maxWaitTime: 10, minDelay: 1, maxDelay: 1 }, { cluster: CLUSTER, services: ["web"] });
    expect(waited.state).toBe("SUCCESS");
    const service = await fx.describe("web");
    expect(service.deployments).toHaveLength(1);
    expect(primaryOf(service)).toMatchObject({ id: newId, rolloutState: "IN_PROGRESS", runningCount: 2 });
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "IN_PROGRESS", alarms: { status: "MONITORING", alarmNames: [ALARM, "web-latency-high"], triggeredAlarmNames: [] } });

    await fx.advance(300);
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "SUCCESSFUL", alarms: { status: "MONITORING_COMPLETE" } });
    expect(primaryOf(await fx.describe("web"))).toMatchObject({ id: newId, rolloutState: "COMPLETED" });
  });

  it("fails the deployment when an alarm goes into ALARM during bake time and rolls back", async () => {
    const newId = primaryOf(await fx.update("web", { taskDefinition: v2 }))?.id ?? "";
    await fx.advance(120);
    expect(await fx.sandbox.control.setAlarm(ALARM, "ALARM")).toEqual({ alarmName: ALARM, state: "ALARM" });

    const service = await fx.describe("web");
    expect(primaryOf(service)).toMatchObject({ id: oldId, rolloutState: "IN_PROGRESS", rolloutStateReason: `ECS deployment alarms: rolling back to deploymentId ${oldId}.` });
    expect(activeOf(service)).toMatchObject([{ id: newId, rolloutState: "FAILED", rolloutStateReason: `ECS deployment alarms: ${ALARM} in ALARM state.` }]);
    // Newest first: the old revision was drained during bake time, so the rollback starts its tasks again.
    expect(messages(service).slice(0, 3)).toEqual([
      expect.stringMatching(/^\(service web\) has started 2 tasks: /),
      `(service web) rolling back to deployment ${oldId}.`,
      `(service web) (deployment ${newId}) deployment failed: alarm detected.`,
    ]);
    expect(await fx.newestDeployment("web")).toMatchObject({
      status: "ROLLBACK_IN_PROGRESS",
      statusReason: `ECS deployment alarms: ${ALARM} in ALARM state.`,
      alarms: { status: "TRIGGERED", triggeredAlarmNames: [ALARM] },
    });

    await fx.advance(120);
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "ROLLBACK_SUCCESSFUL" });
    expect(primaryOf(await fx.describe("web"))).toMatchObject({ id: oldId, rolloutState: "COMPLETED", runningCount: 2 });
  });

  it("without rollback, an alarm already in ALARM stops the deployment where it is", async () => {
    await fx.update("web", { deploymentConfiguration: alarms(false) });
    await fx.sandbox.control.setAlarm("web-latency-high", "ALARM");
    const newId = primaryOf(await fx.update("web", { taskDefinition: v2 }))?.id;
    await fx.advance(1);
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "STOPPED", alarms: { status: "TRIGGERED", triggeredAlarmNames: ["web-latency-high"] } });
    expect(primaryOf(await fx.describe("web"))).toMatchObject({ id: newId, rolloutState: "FAILED" });
  });

  it.each([
    [{ alarmName: ALARM, state: "INSUFFICIENT" }, /state/],
    [{ alarmName: "", state: "OK" }, /alarmName/],
    [{ alarmName: ALARM, state: "OK", extra: 1 }, /extra|Unrecognized/],
  ])("refuses the alarm body %j with a 400", async (body, message) => {
    const response = await fetch(new URL("/_sandbox/alarms", fx.sandbox.endpoint), { method: "POST", body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it("answers an alarm for another account without touching this one", async () => {
    await expect(fx.sandbox.control.forScope({ account: "12" }).setAlarm(ALARM, "ALARM")).rejects.toBeInstanceOf(SandboxControlError);
    await fx.sandbox.control.forScope({ account: "111122223333" }).setAlarm(ALARM, "ALARM");
    await fx.update("web", { taskDefinition: v2 });
    await fx.advance(120);
    expect(await fx.newestDeployment("web")).toMatchObject({ status: "IN_PROGRESS", alarms: { status: "MONITORING" } });
  });
});
