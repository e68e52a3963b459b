// deploy/iam's policies, loaded into the sandbox's IAM allow-list for the dashboard's access key and
// run with the real SDK: read-only.json lets every page read and refuses every write with the IAM
// action named (changing nothing); rollback.json lets a rollback, an image deploy (clone + register)
// and a stop run to their outcome. iam-minimal.test.ts shows each action of rollback.json is needed.
import { describe, expect, it } from "vitest";
import { GET as imagesRoute } from "@/app/api/v1/repositories/[env]/[repo]/images/route";
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
import { identityFromPolicy, loadPolicy, policyActions, statementsOf, withoutAction, type PolicyStatement } from "../support/iam-policy";
import { sessionCookie } from "./session-cookie";

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

describe("the policy loader", () => {
  const policy = (...Statement: PolicyStatement[]) => ({ Version: "2012-10-17" as const, Statement });

  it("turns Allow statements into the sandbox's allow entries, a * resource into a bare action", () => {
    const identity = identityFromPolicy(
      policy(
        { Effect: "Allow", Action: "ecs:ListClusters", Resource: "*" },
        { Effect: "Allow", Action: ["ecs:UpdateService", "ecs:DescribeServices"], Resource: ["arn:aws:ecs:*:*:service/prod/*", "arn:aws:ecs:*:*:service/stage/*"] },
      ),
      "dashboard",
    );
    expect(identity).toEqual({
      user: "dashboard",
      allow: [
        "ecs:ListClusters",
        { action: "ecs:UpdateService", resource: "arn:aws:ecs:*:*:service/prod/*" },
        { action: "ecs:UpdateService", resource: "arn:aws:ecs:*:*:service/stage/*" },
        { action: "ecs:DescribeServices", resource: "arn:aws:ecs:*:*:service/prod/*" },
        { action: "ecs:DescribeServices", resource: "arn:aws:ecs:*:*:service/stage/*" },
      ],
    });
  });

  it.each<[string, PolicyStatement, RegExp]>([
    ["a Deny", { Effect: "Deny", Action: "ecs:UpdateService", Resource: "*" }, /Allow statements only/],
    ["NotAction", { Effect: "Allow", NotAction: "iam:*", Resource: "*" }, /NotAction/],
    ["NotResource", { Effect: "Allow", Action: "ecs:UpdateService", NotResource: "arn:aws:ecs:*:*:service/prod/*" }, /NotResource/],
    ["a condition it cannot express", { Effect: "Allow", Action: "ecs:UpdateService", Resource: "*", Condition: { StringEquals: { "ecs:cluster": "prod" } } }, /cannot express the condition/],
    ["PassRole to another service", { Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } }, /cannot express the condition/],
    ["PassedToService on more than PassRole", { Effect: "Allow", Action: ["iam:PassRole", "ecs:UpdateService"], Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } }, /cannot express the condition/],
  ])("refuses %s", (_what, statement, message) => {
    expect(() => identityFromPolicy(policy(statement), "dashboard")).toThrow(message);
  });

  it("drops only the conditions the sandbox enforces by construction", () => {
    const identity = identityFromPolicy(policy(...statementsOf(rollback).filter((s) => s.Condition)), "dashboard");
    expect(identity.allow).toEqual([
      { action: "ecs:TagResource", resource: "arn:aws:ecs:*:*:task-definition/*" },
      { action: "iam:PassRole", resource: "arn:aws:iam::*:role/*" },
    ]);
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
  ])("the %s is refused naming %s, and changes nothing", async (journey, action) => {
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
  ])("the %s runs to %s", async (journey, outcome) => {
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

describe("a read the policy does not allow, through the API", () => {
  // docs/api.md: a read AWS refuses is 503 aws_unavailable with kind access-denied, naming the action.
  it("answers with the IAM action named and what to grant, never a 500", async () => {
    await resetWithPolicy(h, withoutAction(readOnly, "ecr:DescribeImages"));
    const cookie = await sessionCookie({ provider: "demo", name: "Demo viewer", groups: [], demoRole: "viewer" });
    const request = new Request("http://localhost/api/v1/repositories/sandbox/payments/images", { headers: { cookie } });
    const response = await imagesRoute(request, { params: Promise.resolve({ env: "sandbox", repo: "payments" }) });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: {
        code: "aws_unavailable",
        kind: "access-denied",
        message: "Access denied: the dashboard's role may not call ecr:DescribeImages",
        action: "Grant ecr:DescribeImages to the dashboard's IAM role",
      },
    });
  });
});
