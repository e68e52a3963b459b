// The two roles of a Steady State task. The execution role is ECS's (pull the image, write the log,
// read the secrets); CDK grants it exactly those as the other constructs are wired. The task role is the
// dashboard's own identity: the deploy/iam policy for the dashboard's own account, and sts:AssumeRole
// on each environment's role in another account. It has a fixed name because those roles trust it by ARN.
import { Stack } from "aws-cdk-lib";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { policyNames, PolicyFiles } from "./policy-files";
import { environmentRoleArn, type Settings } from "./settings";

type RoleSettings = Pick<Settings, "policy" | "enhancedScanning" | "ownAccountAccess" | "taskRoleName" | "environments">;

export const taskRoleArn = (account: string, roleName: string) => `arn:aws:iam::${account}:role/${roleName}`;

/** ECS tasks of this account and region only (AWS's confused-deputy guard for task roles). */
function ecsTasksPrincipal(scope: Construct): ServicePrincipal {
  const { account, region } = Stack.of(scope);
  return new ServicePrincipal("ecs-tasks.amazonaws.com", {
    conditions: {
      StringEquals: { "aws:SourceAccount": account },
      ArnLike: { "aws:SourceArn": `arn:aws:ecs:${region}:${account}:*` },
    },
  });
}

export class DashboardRoles extends Construct {
  readonly taskRole: Role;
  readonly executionRole: Role;
  /** The deploy/iam policies on the task role (none when every environment is in another account). */
  readonly taskPolicies: PolicyFiles | undefined;

  constructor(scope: Construct, id: string, props: { settings: RoleSettings }) {
    super(scope, id);
    const { settings } = props;
    this.executionRole = new Role(this, "Execution", {
      assumedBy: ecsTasksPrincipal(this),
      description: "Steady State task execution: image pull, logs, secrets at task start",
    });
    this.taskRole = new Role(this, "Task", {
      roleName: settings.taskRoleName,
      assumedBy: ecsTasksPrincipal(this),
      description: "Steady State dashboard: reads (and with rollback.json changes) ECS and ECR",
    });
    this.taskPolicies = settings.ownAccountAccess
      ? new PolicyFiles(this, "TaskPolicies", {
          role: this.taskRole,
          names: policyNames(settings.policy, settings.enhancedScanning),
          description: "Steady State, own account",
        })
      : undefined;
    if (settings.environments.length > 0) {
      this.taskRole.addToPolicy(
        new PolicyStatement({ sid: "AssumeEnvironmentRoles", actions: ["sts:AssumeRole"], resources: settings.environments.map(environmentRoleArn) }),
      );
    }
  }
}
