// IAM as AWS refuses (aws-behaviour.md §6): a key restricted through PUT /_sandbox/iam gets
// AccessDeniedException with AWS's message for anything its allowed actions do not cover, checked
// before any state changes; iam:PassRole guards the roles a revision names, ecs:TagResource guards
// tags on create; every other key, and every key after a reset, may do everything.
import {
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
} from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actionMatches, resourceMatches } from "../../sandbox/iam/wildcard";
import { SandboxControlError } from "../support/sandbox-control";
import { TEST_REGION } from "../support/sandbox";
import { CLUSTER, EcsFixture, stableService } from "./ecs-fixtures";

const ACCOUNT = "123456789012";
const READ_ONLY_KEY = "AKIAREADONLY0000001";
const DEPLOYER_KEY = "AKIADEPLOYER0000001";
const READ_ONLY = ["ecs:Describe*", "ecs:List*", "ecr:Describe*", "ecr:List*", "ecr:BatchGetImage"];
const SERVICE_ARN = `arn:aws:ecs:${TEST_REGION}:${ACCOUNT}:service/${CLUSTER}/web`;
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-execution`;
const denial = (principal: string, action: string, resource: string) =>
  `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

const revision = (extra: Partial<RegisterTaskDefinitionCommandInput> = {}): RegisterTaskDefinitionCommandInput => ({
  family: "web",
  containerDefinitions: [{ name: "app", image: "public.ecr.aws/nginx/nginx:1.29" }],
  ...extra,
});

let fx: EcsFixture;
let clients: ECSClient[] = [];
const ecsAs = (accessKeyId: string) => {
  const client = new ECSClient({ endpoint: fx.sandbox.endpoint, region: TEST_REGION, credentials: { accessKeyId, secretAccessKey: "x" } });
  clients.push(client);
  return client;
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("the call was allowed");
    },
    (error: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({
      name: error.name,
      message: error.message,
      status: error.$metadata?.httpStatusCode,
    }),
  );

beforeEach(async () => {
  fx = await EcsFixture.start();
});
afterEach(async () => {
  for (const client of clients) client.destroy();
  clients = [];
  await fx.close();
});

describe("a read-only key", () => {
  beforeEach(() => fx.sandbox.control.setIam({ identities: { [READ_ONLY_KEY]: { user: "dashboard-ro", allow: READ_ONLY } } }));

  it("reads, but is refused UpdateService on the service ARN and changes nothing", async () => {
    const { v1, v2 } = await stableService(fx, "web", 2);
    const ro = ecsAs(READ_ONLY_KEY);
    const described = await ro.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ["web"] }));
    expect(described.services?.[0]?.taskDefinition).toBe(v1);

    const refused = await failure(ro.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "web", taskDefinition: v2 })));
    expect(refused).toEqual({
      name: "AccessDeniedException",
      status: 400,
      message: denial(`arn:aws:iam::${ACCOUNT}:user/dashboard-ro`, "ecs:UpdateService", SERVICE_ARN),
    });
    const after = await fx.describe("web");
    expect(after.taskDefinition).toBe(v1);
    expect(after.deployments).toHaveLength(1);
  });

  it("is refused RegisterTaskDefinition on resource * and no revision appears", async () => {
    const ro = ecsAs(READ_ONLY_KEY);
    const refused = await failure(ro.send(new RegisterTaskDefinitionCommand(revision())));
    expect(refused.message).toBe(denial(`arn:aws:iam::${ACCOUNT}:user/dashboard-ro`, "ecs:RegisterTaskDefinition", "*"));
    expect((await fx.ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns).toEqual([]);
  });

  it("leaves every other key unrestricted, and DELETE /_sandbox/iam or a reset lifts the restriction", async () => {
    await fx.register("web", "public.ecr.aws/nginx/nginx:1.27"); // the fixture's own key
    await fx.sandbox.control.clearIam();
    await expect(ecsAs(READ_ONLY_KEY).send(new RegisterTaskDefinitionCommand(revision()))).resolves.toBeDefined();

    await fx.sandbox.control.setIam({ identities: { [READ_ONLY_KEY]: { user: "dashboard-ro", allow: READ_ONLY } } });
    await fx.sandbox.control.reset("empty");
    await expect(ecsAs(READ_ONLY_KEY).send(new RegisterTaskDefinitionCommand(revision()))).resolves.toBeDefined();
  });
});

describe("iam:PassRole and tag-on-create", () => {
  const deployer = (allow: (string | { action: string; resource: string })[]) =>
    fx.sandbox.control.setIam({ identities: { [DEPLOYER_KEY]: { assumedRole: { role: "deployer", session: "ci-1234" }, allow } } });
  const principal = `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-1234`;

  it("refuses a revision naming a role the caller may not pass, as an assumed-role session", async () => {
    await deployer(["ecs:RegisterTaskDefinition", { action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/other-*` }]);
    const refused = await failure(ecsAs(DEPLOYER_KEY).send(new RegisterTaskDefinitionCommand(revision({ executionRoleArn: EXECUTION_ROLE }))));
    expect(refused).toMatchObject({ name: "AccessDeniedException", message: denial(principal, "iam:PassRole", EXECUTION_ROLE) });
    expect((await fx.ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns).toEqual([]);

    await deployer(["ecs:RegisterTaskDefinition", { action: "iam:PassRole", resource: `arn:aws:iam::${ACCOUNT}:role/web-*` }]);
    const registered = await ecsAs(DEPLOYER_KEY).send(new RegisterTaskDefinitionCommand(revision({ executionRoleArn: EXECUTION_ROLE })));
    expect(registered.taskDefinition?.executionRoleArn).toBe(EXECUTION_ROLE);
  });

  it("refuses UpdateService to a revision whose task role the caller may not pass", async () => {
    const { v1, v2 } = await stableService(fx, "web", 1);
    const withRole = (await fx.ecs.send(new RegisterTaskDefinitionCommand(revision({ taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-task` }))))
      .taskDefinition?.taskDefinitionArn;
    await deployer(["ecs:UpdateService", "ecs:Describe*"]);
    const refused = await failure(ecsAs(DEPLOYER_KEY).send(new UpdateServiceCommand({ cluster: CLUSTER, service: "web", taskDefinition: withRole })));
    expect(refused.message).toBe(denial(principal, "iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/web-task`));
    expect((await fx.describe("web")).taskDefinition).toBe(v1);

    // A revision without roles needs no PassRole.
    const updated = await ecsAs(DEPLOYER_KEY).send(new UpdateServiceCommand({ cluster: CLUSTER, service: "web", taskDefinition: v2 }));
    expect(updated.service?.taskDefinition).toBe(v2);
  });

  it("needs ecs:TagResource on the new revision to register with tags", async () => {
    await deployer(["ecs:RegisterTaskDefinition"]);
    const tagged = revision({ tags: [{ key: "team", value: "payments" }] });
    const refused = await failure(ecsAs(DEPLOYER_KEY).send(new RegisterTaskDefinitionCommand(tagged)));
    expect(refused.message).toBe(denial(principal, "ecs:TagResource", `arn:aws:ecs:${TEST_REGION}:${ACCOUNT}:task-definition/web:1`));
    await expect(ecsAs(DEPLOYER_KEY).send(new RegisterTaskDefinitionCommand(revision()))).resolves.toBeDefined();

    await deployer(["ecs:RegisterTaskDefinition", { action: "ecs:TagResource", resource: `arn:aws:ecs:*:${ACCOUNT}:task-definition/web:*` }]);
    const registered = await ecsAs(DEPLOYER_KEY).send(new RegisterTaskDefinitionCommand(tagged));
    expect(registered.taskDefinition?.revision).toBe(2);
    expect(registered.tags).toEqual([{ key: "team", value: "payments" }]);
  });
});

describe("the control API", () => {
  it.each([
    [{ identities: { [READ_ONLY_KEY]: { allow: [] } } }, "give exactly one of user or assumedRole"],
    [{ identities: { [READ_ONLY_KEY]: { user: "ro", allow: ["UpdateService"] } } }, "an action looks like"],
    [{ identities: { [READ_ONLY_KEY]: { user: "ro", allow: [{ action: "ecs:*" }] } } }, '{"action", "resource"}'],
    [{ identities: { "not a key": { user: "ro", allow: [] } } }, "access key ids are letters and digits"],
    [{ users: {} }, "identities"],
  ])("refuses %j with a 400 naming the problem", async (body, problem) => {
    const error = await fx.sandbox.control.setIam(body as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxControlError);
    expect((error as SandboxControlError).status).toBe(400);
    expect((error as SandboxControlError).message).toContain(problem);
  });
});

describe("IAM wildcards", () => {
  it.each([
    ["ecs:Describe*", "ecs:DescribeServices", true],
    ["ecs:describe*", "ecs:DescribeServices", true],
    ["ecs:*", "ecs:UpdateService", true],
    ["*", "iam:PassRole", true],
    ["ecs:Describe*", "ecs:UpdateService", false],
    ["ecs:List?asks", "ecs:ListTasks", true],
    ["ecr:*", "ecs:ListClusters", false],
  ])("action pattern %s against %s → %s", (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });

  it.each([
    ["arn:aws:iam::123456789012:role/web-*", "arn:aws:iam::123456789012:role/web-task", true],
    ["arn:aws:iam::123456789012:role/Web-*", "arn:aws:iam::123456789012:role/web-task", false],
    ["arn:aws:ecs:*:123456789012:service/production/*", SERVICE_ARN, true],
    ["arn:aws:ecs:*:123456789012:service/staging/*", SERVICE_ARN, false],
    ["*", "*", true],
  ])("resource pattern %s against %s → %s", (pattern, resource, expected) => {
    expect(resourceMatches(pattern, resource)).toBe(expected);
  });
});
