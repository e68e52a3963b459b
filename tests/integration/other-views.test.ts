// listRepositories on the demo scenario.
import { describe, expect, it } from "vitest";
import { listRepositories } from "@/lib/queries/repositories";
import { DEMO_REPOSITORIES } from "../../sandbox/seed/demo-facts";
import { demoConfig, useAppSandbox } from "./support";

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
