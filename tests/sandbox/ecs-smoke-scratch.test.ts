import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { it } from "vitest";
import { startTestSandbox } from "../support/sandbox";

it("smoke", async () => {
  const sb = await startTestSandbox();
  try {
    await sb.ecs.send(new CreateClusterCommand({ clusterName: "prod" }));
    const r1 = await sb.ecs.send(new RegisterTaskDefinitionCommand({ family: "web", containerDefinitions: [{ name: "app", image: "nginx:1" }] }));
    const r2 = await sb.ecs.send(new RegisterTaskDefinitionCommand({ family: "web", containerDefinitions: [{ name: "app", image: "nginx:2" }] }));
    await sb.ecs.send(new CreateServiceCommand({ cluster: "prod", serviceName: "web", taskDefinition: "web:1", desiredCount: 4 }));
    const show = async (label: string) => {
      const s = (await sb.ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["web"] }))).services![0]!;
      console.log(label, s.runningCount, s.pendingCount, JSON.stringify(s.deployments!.map(d => [d.id, d.status, d.rolloutState, d.desiredCount, d.runningCount, d.pendingCount])), s.events![0]?.message);
    };
    for (let i = 0; i < 8; i++) { await sb.control.advance(10_000); await show(`t+${(i+1)*10}`); }
    await sb.ecs.send(new UpdateServiceCommand({ cluster: "prod", service: "web", taskDefinition: "web:2" }));
    await show("update");
    for (let i = 0; i < 12; i++) { await sb.control.advance(10_000); await show(`u+${(i+1)*10}`); }
    void r1; void r2;
  } finally { await sb.close(); }
});
