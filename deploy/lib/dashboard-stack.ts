// The dashboard's stack, in the account and region it runs in: network, load balancer, database,
// secrets and configuration, roles, and the ECS service that ties them together.
import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { AppSecrets } from "./app-secrets";
import { DashboardDatabase } from "./database";
import { DashboardLoadBalancer } from "./load-balancer";
import { dashboardVpc } from "./network";
import { DashboardRoles } from "./roles";
import { DashboardService } from "./service";
import type { Settings } from "./settings";

export class DashboardStack extends Stack {
  readonly roles: DashboardRoles;
  readonly dashboard: DashboardService;
  readonly database: DashboardDatabase;

  constructor(scope: Construct, id: string, props: StackProps & { settings: Settings }) {
    super(scope, id, props);
    const { settings } = props;
    const vpc = dashboardVpc(this, settings);
    const loadBalancer = new DashboardLoadBalancer(this, "LoadBalancer", { vpc, settings });
    this.database = new DashboardDatabase(this, "Database", { vpc, settings });
    const secrets = new AppSecrets(this, "Secrets", { settings });
    this.roles = new DashboardRoles(this, "Roles", { settings });

    this.dashboard = new DashboardService(this, "Dashboard", {
      vpc,
      settings,
      taskRole: this.roles.taskRole,
      executionRole: this.roles.executionRole,
      targetGroup: loadBalancer.targetGroup,
      databaseUrl: this.database.url,
      secrets: { ...secrets.containerSecrets, PGPASSWORD: this.database.password },
    });
    this.database.instance.connections.allowDefaultPortFrom(this.dashboard.service, "Steady State tasks");
    // A task started before its policies are attached would log "access denied" at its start-up check.
    for (const policy of this.roles.taskPolicies?.policies ?? []) this.dashboard.service.node.addDependency(policy);

    new CfnOutput(this, "Url", { value: settings.url, description: "NEXTAUTH_URL: point its DNS name at LoadBalancerDns" });
    new CfnOutput(this, "LoadBalancerDns", { value: loadBalancer.alb.loadBalancerDnsName });
    new CfnOutput(this, "TaskRoleArn", { value: this.roles.taskRole.roleArn, description: "Trusted by each environment's role" });
    new CfnOutput(this, "ClusterName", { value: this.dashboard.cluster.clusterName });
    new CfnOutput(this, "ServiceName", { value: this.dashboard.service.serviceName });
    new CfnOutput(this, "LogGroup", { value: this.dashboard.logGroup.logGroupName });
  }
}
