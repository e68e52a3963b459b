// listRepositories and getDeploymentHistory on the demo scenario.
import { describe, expect, it } from "vitest";
import { getDeploymentHistory } from "@/lib/queries/deployment-history";
import { listRepositories } from "@/lib/queries/repositories";
import { DEMO_REPOSITORIES } from "../../sandbox/seed/demo-facts";
import { demoConfig, sandboxEnvironment, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });
const config = demoConfig();

describe("listRepositories", () => {
  it("lists the demo repositories with the services running their images", async () => {
    const view = await listRepositories({ config });
    const repositories = view.environments[0]?.repositories ?? [];
    expect(repositories.map((r) => r.name)).toEqual([...DEMO_REPOSITORIES].sort());
    const logRouter = repositories.find((r) => r.name === "log-router");
    expect(logRouter?.runningIn.map((l) => `${l.cluster}/${l.service}/${l.container}`).sort()).toEqual([
      "production/my-api/log-router",
      "staging/my-api/log-router",
    ]);
    expect(repositories.every((r) => r.scanOnPush)).toBe(true);
  });

  it("reports an environment whose DescribeRepositories fails inline", async () => {
    await sandbox.control.setFaults({ rules: { DescribeRepositories: { errorRate: 1 } } });
    const view = await listRepositories({ config });
    expect(view.environments[0]?.error?.kind).toBe("unknown");
    expect(view.environments[0]?.repositories).toEqual([]);
  });
});

describe("getDeploymentHistory", () => {
  it("lists service deployments of every service, newest first, with the my-api rollback on top", async () => {
    const history = await getDeploymentHistory({ config });
    expect(history.errors).toEqual([]);
    const services = new Set(history.entries.map((e) => `${e.cluster}/${e.service}`));
    expect(services.size).toBe(9);
    const times = history.entries.map((e) => (e.record.createdAt ?? e.record.startedAt)?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const rollback = history.entries.find((e) => e.record.status === "ROLLBACK_SUCCESSFUL");
    expect(rollback).toMatchObject({ cluster: "production", service: "my-api" });
    // Service revisions resolve to the task definitions a deployment moved from and to.
    expect(rollback?.target?.family).toBe("my-api");
    expect(rollback?.sources.length).toBeGreaterThan(0);
    expect(rollback?.target?.revision).not.toBe(rollback?.sources[0]?.revision);
  });

  it("keeps the clusters it could read when one configured cluster is missing", async () => {
    const partial = demoConfig({ environments: [sandboxEnvironment({ clusters: ["staging", "gone"] })] });
    const history = await getDeploymentHistory({ config: partial });
    expect(history.errors).toEqual([{ envId: "sandbox", cluster: "gone", error: expect.objectContaining({ kind: "not-found" }) }]);
    expect(history.entries.every((e) => e.cluster === "staging")).toBe(true);
    expect(history.entries.length).toBeGreaterThan(0);
  });
});
