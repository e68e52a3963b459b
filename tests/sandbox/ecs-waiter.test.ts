// The SDK's own ServicesStable waiter succeeds after a real-time rollout (aws-behaviour.md §3.6). The
// sandbox runs unfrozen at 30× so the 57 s simulated rollout takes about two seconds.
import { waitUntilServicesStable } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLUSTER, EcsFixture, primaryOf } from "./ecs-fixtures";

describe("waitUntilServicesStable", () => {
  let fx: EcsFixture;
  beforeEach(async () => {
    fx = await EcsFixture.start({ frozen: false, timeScale: 30 });
  });
  afterEach(() => fx.close());

  it("succeeds once the new deployment is the only one and running equals desired", async () => {
    const v1 = await fx.register("web", "public.ecr.aws/nginx/nginx:1.27");
    const v2 = await fx.register("web", "public.ecr.aws/nginx/nginx:1.28");
    await fx.createService("web", v1, 2);
    const first = await waitUntilServicesStable({ client: fx.ecs, maxWaitTime: 20, minDelay: 1, maxDelay: 2 }, { cluster: CLUSTER, services: ["web"] });
    expect(first.state).toBe("SUCCESS");

    const deploymentId = primaryOf(await fx.update("web", { taskDefinition: v2 }))?.id;
    const result = await waitUntilServicesStable({ client: fx.ecs, maxWaitTime: 20, minDelay: 1, maxDelay: 2 }, { cluster: CLUSTER, services: ["web"] });
    expect(result.state).toBe("SUCCESS");
    const service = await fx.describe("web");
    expect(service.deployments).toHaveLength(1);
    expect(primaryOf(service)).toMatchObject({ id: deploymentId, taskDefinition: v2 });
    expect(service.runningCount).toBe(2);
  });
});
