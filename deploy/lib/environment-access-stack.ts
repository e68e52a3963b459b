// One small stack per environment in another account: the role the dashboard assumes there (the
// configuration's `roleArn` for that environment) with the same deploy/iam policy as the task role.
// The trust names the dashboard's task role through aws:PrincipalArn on its account rather than as the
// principal itself: IAM turns a role principal into the role's internal id, so a task role deleted and
// created again (a stack replaced) would silently stop being trusted; the ARN condition keeps matching.
import { Stack, type StackProps } from "aws-cdk-lib";
import { AccountPrincipal, Role } from "aws-cdk-lib/aws-iam";
import type { Construct } from "constructs";
import { policyNames, PolicyFiles } from "./policy-files";
import { taskRoleArn } from "./roles";
import { environmentRoleName, type EnvironmentAccess, type Settings } from "./settings";

interface EnvironmentAccessProps extends StackProps {
  environment: EnvironmentAccess;
  settings: Pick<Settings, "account" | "taskRoleName" | "policy" | "enhancedScanning">;
}

export class EnvironmentAccessStack extends Stack {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: EnvironmentAccessProps) {
    super(scope, id, props);
    const { environment, settings } = props;
    const dashboardRole = taskRoleArn(settings.account, settings.taskRoleName);
    this.role = new Role(this, "DashboardAccess", {
      roleName: environmentRoleName(environment),
      description: `Assumed by the Steady State dashboard (${dashboardRole}) for environment ${environment.id}`,
      assumedBy: new AccountPrincipal(settings.account).withConditions({ ArnEquals: { "aws:PrincipalArn": dashboardRole } }),
    });
    new PolicyFiles(this, "Policies", {
      role: this.role,
      names: policyNames(environment.policy ?? settings.policy, settings.enhancedScanning),
      description: `Steady State, environment ${environment.id}`,
    });
  }
}
