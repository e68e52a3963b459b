// deploy/iam's policies, loaded into the sandbox's IAM allow-list for the dashboard's access key and
// run with the real SDK: read-only.json lets every page read and refuses every write with the IAM
// action named (changing nothing); rollback.json lets a rollback, an image deploy (clone + register)
// and a stop run to their outcome. iam-minimal.test.ts shows each action of rollback.json is needed.
import { describe, expect, it } from "vitest";
import { operationView } from "@/lib/deploy";
import { AwsAccessDeniedError } from "@/lib/errors";
import { getServiceLock } from "@/lib/store";
import {
  problemsOf,
  readJourneys,
  resetWithPolicy,
  serviceState,
  useIamHarness,
  writeJourneys,
  type WriteJourney,
} from "../support/iam-policy-journeys";
import { loadPolicy, policyActions, statementsOf } from "../support/iam-policy";

const h = useIamHarness();
const reads = readJourneys(h);
const writes = writeJourneys(h);
const readOnly = loadPolicy("read-only");
const rollback = loadPolicy("rollback");

describe("the policy files", () => {
  it("name every action explicitly, and rollback.json is read-only.json plus the writes", () => {
    for (const policy of [readOnly, rollback, loadPolicy("enhanced-scanning")]) {
      for (const action of policyActions(policy)) expect(action).toMatch(/^[a-z0-9]+:[A-Za-z]+$/);
    }
    expect(statementsOf(rollback).slice(0, statementsOf(readOnly).length)).toEqual(statementsOf(readOnly));
    const added = policyActions(rollback).filter((a) => !policyActions(readOnly).includes(a));
    expect(added.sort()).toEqual(["ecs:RegisterTaskDefinition", "ecs:StopServiceDeployment", "ecs:TagResource", "ecs:UpdateService", "iam:PassRole"]);
  });
});

describe("with read-only.json", () => {
  it.each(Object.keys(reads) as (keyof typeof reads)[])("the %s reads without an error", async (journey) => {
    await resetWithPolicy(h, readOnly);
    expect(await problemsOf(reads[journey])).toEqual([]);
  });

  it.each<[WriteJourney, string]>([
    ["rollback", "ecs:UpdateService"],
    ["image deploy", "ecs:RegisterTaskDefinition"],
    ["stop", "ecs:StopServiceDeployment"],
  ])("a %s is refused naming %s, and changes nothing", async (journey, action) => {
    await resetWithPolicy(h, readOnly);
    const write = writes[journey];
    await write.prepare();
    const before = await serviceState(h, write.service);

    const error = await write.start().then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(AwsAccessDeniedError);
    expect(error).toMatchObject({ iamAction: action, message: expect.stringContaining(`may not call ${action}`) });
    expect(await serviceState(h, write.service)).toEqual(before);
    expect(await getServiceLock(h.store().db, `sandbox/production/${write.service}`)).toBeUndefined();
  });
});

describe("with rollback.json", () => {
  it.each<[WriteJourney, string]>([
    ["rollback", "succeeded"],
    ["image deploy", "succeeded"],
    ["stop", "stopped"],
  ])("a %s runs to %s", async (journey, outcome) => {
    await resetWithPolicy(h, rollback);
    const write = writes[journey];
    await write.prepare();
    const started = await write.start();
    expect(started.status).toBe("running");
    const done = await h.followUntilDone(started.id);
    expect(done).toMatchObject({ status: outcome });
    if (journey === "image deploy") expect(operationView(done).steps.map((s) => s.name)).toContain("register");
  });

  it("still reads every page", async () => {
    await resetWithPolicy(h, rollback);
    for (const [journey, run] of Object.entries(reads)) expect([journey, await problemsOf(run)]).toEqual([journey, []]);
  });
});
