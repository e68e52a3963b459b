// The roles: the task role carries deploy/iam's files exactly as written, the execution role only what
// ECS needs to start a task, and each environment's account a role trusting the dashboard's task role.
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_ACCOUNT, ENV_ACCOUNT, only, policyOnDisk, resources, synth, type Resource, type Synthesized } from "./support";

const roleId = (template: Template, name: string): string => {
  const [id] = Object.keys(template.findResources("AWS::IAM::Role", { Properties: { RoleName: name } }));
  if (!id) throw new Error(`no role named ${name}`);
  return id;
};

/** The documents of the managed policies attached to the role with logical id `id`. */
const managedPolicyDocuments = (template: Template, id: string): unknown[] =>
  resources(template, "AWS::IAM::ManagedPolicy")
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: id }]))
    .map((p) => p.Properties.PolicyDocument);

const inlineStatements = (template: Template, id: string) =>
  resources(template, "AWS::IAM::Policy")
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: id }]))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement);

describe("the dashboard's task role", () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synth({ policy: "rollback" });
  });

  it("carries rollback.json exactly as the file says, and nothing else from deploy/iam", () => {
    const t = synthesized.dashboardTemplate;
    expect(managedPolicyDocuments(t, roleId(t, "steady-state-dashboard-task"))).toEqual([policyOnDisk("rollback")]);
  });

  it("may assume each environment's role, and read no secret itself", () => {
    const t = synthesized.dashboardTemplate;
    expect(inlineStatements(t, roleId(t, "steady-state-dashboard-task"))).toEqual([
      { Sid: "AssumeEnvironmentRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${ENV_ACCOUNT}:role/steady-state-production` },
    ]);
  });

  it("is assumed only by ECS tasks of the dashboard's own account", () => {
    const t = synthesized.dashboardTemplate;
    const role = t.toJSON().Resources[roleId(t, "steady-state-dashboard-task")] as Resource;
    expect(role.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        {
          Action: "sts:AssumeRole",
          Principal: { Service: "ecs-tasks.amazonaws.com" },
          Condition: { StringEquals: { "aws:SourceAccount": DASHBOARD_ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:ecs:eu-west-1:${DASHBOARD_ACCOUNT}:*` } },
        },
      ],
    });
  });

  it("is the role the task definition names, with a separate execution role", () => {
    const t = synthesized.dashboardTemplate;
    const task = only(t, "AWS::ECS::TaskDefinition").Properties;
    expect(task.TaskRoleArn).toEqual({ "Fn::GetAtt": [roleId(t, "steady-state-dashboard-task"), "Arn"] });
    expect(task.ExecutionRoleArn).not.toEqual(task.TaskRoleArn);
  });

  it("gets read-only.json by default, plus enhanced-scanning.json when asked", () => {
    const plain = synth().dashboardTemplate;
    expect(managedPolicyDocuments(plain, roleId(plain, "steady-state-dashboard-task"))).toEqual([policyOnDisk("read-only")]);
    const scanning = synth({ enhancedScanning: "true" }).dashboardTemplate;
    expect(managedPolicyDocuments(scanning, roleId(scanning, "steady-state-dashboard-task"))).toEqual([policyOnDisk("read-only"), policyOnDisk("enhanced-scanning")]);
  });

  it("gets no ECS/ECR policy of its own when every environment is in another account", () => {
    synth({ ownAccountAccess: false }).dashboardTemplate.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
  });
});

describe("the execution role", () => {
  it("reads the task's secrets and pulls its image, and may call no ECS, ECR API or sts:AssumeRole beyond that", () => {
    const t = synth().dashboardTemplate;
    const task = only(t, "AWS::ECS::TaskDefinition").Properties as { ExecutionRoleArn: { "Fn::GetAtt": [string, string] } };
    const actions = inlineStatements(t, task.ExecutionRoleArn["Fn::GetAtt"][0]).flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(["secretsmanager:GetSecretValue", "ssm:GetParameters", "ecr:BatchGetImage", "logs:PutLogEvents"]));
    const allowed = /^(secretsmanager:(GetSecretValue|DescribeSecret)|ssm:(GetParameters?|DescribeParameters|GetParameterHistory)|ecr:(BatchCheckLayerAvailability|GetDownloadUrlForLayer|BatchGetImage|GetAuthorizationToken)|logs:(CreateLogStream|PutLogEvents))$/;
    expect(actions.filter((a) => !allowed.test(a))).toEqual([]);
  });
});

describe("an environment's access stack", () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synth({
      policy: "rollback",
      environments: JSON.stringify([
        { id: "production", account: ENV_ACCOUNT, region: "eu-west-1" },
        { id: "staging", account: "333333333333", region: "us-east-1", roleName: "sre-dashboard", policy: "read-only" },
      ]),
      configFile: undefined,
      configParameter: "/steady-state/config",
    });
  });

  it("is deployed to that environment's account and region", () => {
    expect(synthesized.environments.map((s) => [s.stackName, s.account, s.region])).toEqual([
      ["SteadyStateAccess-production", ENV_ACCOUNT, "eu-west-1"],
      ["SteadyStateAccess-staging", "333333333333", "us-east-1"],
    ]);
  });

  it("holds the role the configuration's roleArn names, trusting only the dashboard's task role", () => {
    const [production] = synthesized.environmentTemplates;
    production?.hasResourceProperties("AWS::IAM::Role", {
      RoleName: "steady-state-production",
      AssumeRolePolicyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "sts:AssumeRole",
            Principal: { AWS: { "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, `:iam::${DASHBOARD_ACCOUNT}:root`]] } },
            Condition: { ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${DASHBOARD_ACCOUNT}:role/steady-state-dashboard-task` } },
          },
        ],
      },
    });
  });

  it("names the dashboard's task role as the dashboard's stack creates it", () => {
    synthesized.dashboardTemplate.hasResourceProperties("AWS::IAM::Role", { RoleName: "steady-state-dashboard-task" });
    expect(synthesized.dashboard.account).toBe(DASHBOARD_ACCOUNT);
  });

  it("attaches the same policy file as the task role, or the environment's own choice", () => {
    const [production, staging] = synthesized.environmentTemplates;
    if (!production || !staging) throw new Error("two access stacks expected");
    expect(managedPolicyDocuments(production, roleId(production, "steady-state-production"))).toEqual([policyOnDisk("rollback")]);
    expect(managedPolicyDocuments(staging, roleId(staging, "sre-dashboard"))).toEqual([policyOnDisk("read-only")]);
    staging.resourcePropertiesCountIs("AWS::IAM::Role", { RoleName: Match.anyValue() }, 1);
  });
});
