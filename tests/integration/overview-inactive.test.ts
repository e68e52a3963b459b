// The overview flags a service whose running revision was deregistered after it was deployed (what
// §8.6's cleanup tools leave behind). The revision's body is cached forever, so the test proves the
// status comes from the runtime's statuses cache instead: only that cache is dropped between the two looks.
import { DeregisterTaskDefinitionCommand, DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { awsRuntime } from "@/lib/aws";
import { getOverview } from "@/lib/queries/overview";
import { getServiceDetail } from "@/lib/queries/service-detail";
import type { Overview } from "@/lib/queries/types";
import { callsOf, demoConfig, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });
const config = demoConfig();

const inactiveRows = (overview: Overview) =>
  overview.environments.flatMap((e) => e.clusters.flatMap((c) => c.services.filter((s) => s.revisionInactive).map((s) => `${c.name}/${s.name}`)));

describe("INACTIVE running revision", () => {
  it("is flagged once the running revision is deregistered, without re-reading anything cached forever", async () => {
    expect(inactiveRows(await getOverview({ config }))).toEqual([]);

    const described = await sandbox.ecs.send(new DescribeServicesCommand({ cluster: "staging", services: ["payments"] }));
    const running = described.services?.[0]?.taskDefinition;
    await sandbox.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: running }));
    const sharing = (await getOverview({ config })).environments[0]?.clusters.flatMap((c) => c.services.filter((s) => s.revision.arn === running).map((s) => `${c.name}/${s.name}`));

    // The statuses cache expires (here: is dropped); the forever cache of revision bodies stays.
    awsRuntime(config).statuses.clear();
    await sandbox.control.resetCounters();
    const overview = await getOverview({ config });
    expect(inactiveRows(overview)).toEqual(sharing);
    expect(inactiveRows(overview)).toContain("staging/payments");
    // One status read per distinct running revision, as on a cold overview, and no more.
    const revisions = new Set(overview.environments[0]?.clusters.flatMap((c) => c.services.map((s) => s.revision.arn)));
    expect(callsOf(await sandbox.control.counters(), "DescribeTaskDefinition")).toBe(revisions.size);

    const detail = await getServiceDetail("sandbox", "staging", "payments", { config });
    expect(detail.row.revisionInactive).toBe(true);
  });
});
