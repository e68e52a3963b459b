// The rollback fixture of the bench and the replica tests: a cluster of small services (one task each, so a rolling deployment
// takes about a minute at time scale 1), each with two ACTIVE revisions, so a rollback to the other
// one is a revision target that needs no registration.
import { DescribeTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import type { SandboxControl } from "./sandbox-control";

export const ROLLBACK_CLUSTER = "cluster-0000";

export interface BenchService {
  service: string;
  family: string;
  /** The revision the service runs now; the bench rolls it to the other and keeps this up to date. */
  current: number;
}

const pad = (n: number) => String(n).padStart(4, "0");

/** `count` one-task services with revisions 1 (running) and 2 (an ACTIVE copy with one more environment variable). */
export async function seedRollbackServices(sandboxUrl: string, control: SandboxControl, count: number): Promise<BenchService[]> {
  await control.reset("empty");
  // The scale scenario gives service i the family i and 1 + (i % 3) tasks: every third service has one.
  await control.seed("scale", { clusters: 1, servicesPerCluster: count * 3, repositories: count * 3, imagesPerRepository: 3 });
  // The sandbox checks no signature; any credentials reach the demo account.
  const ecs = new ECSClient({ endpoint: sandboxUrl, region: "ap-south-1", credentials: { accessKeyId: "AKIASANDBOXSEED00001", secretAccessKey: "sandbox-seed-not-a-secret" } });
  try {
    const services = Array.from({ length: count }, (_, i) => ({ service: `service-${pad(i * 3)}`, family: `family-${pad(i * 3)}`, current: 1 }));
    for (const { family } of services) {
      const { taskDefinition: td } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:1` }));
      if (!td?.containerDefinitions) throw new Error(`bench: ${family}:1 has no containers`);
      const copy: RegisterTaskDefinitionCommandInput = {
        family,
        containerDefinitions: td.containerDefinitions.map((c) => ({ ...c, environment: [...(c.environment ?? []), { name: "BENCH_REVISION", value: "2" }] })),
        cpu: td.cpu,
        memory: td.memory,
        networkMode: td.networkMode,
        requiresCompatibilities: td.requiresCompatibilities,
        executionRoleArn: td.executionRoleArn,
        taskRoleArn: td.taskRoleArn,
      };
      await ecs.send(new RegisterTaskDefinitionCommand(copy));
    }
    return services;
  } finally {
    ecs.destroy();
  }
}
