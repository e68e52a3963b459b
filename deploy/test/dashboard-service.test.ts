// The dashboard's stack as CloudFormation: the service and its load balancer, probes, secrets, logs and
// database, asserted on the synthesized template.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { CERTIFICATE_ARN, CONFIG_FILE, importedVpcLookup, only, synth } from "./support";

let template: Template;
beforeAll(() => {
  template = synth().dashboardTemplate;
});

const container = () => {
  const defs = only(template, "AWS::ECS::TaskDefinition").Properties.ContainerDefinitions as Record<string, unknown>[];
  expect(defs).toHaveLength(1);
  return defs[0] as Record<string, unknown> & { Environment: { Name: string; Value: unknown }[]; Secrets: { Name: string }[] };
};

describe("the Fargate service", () => {
  it("runs two tasks by default, rolls with the circuit breaker and keeps full capacity while it rolls", () => {
    template.hasResourceProperties("AWS::ECS::Service", {
      LaunchType: "FARGATE",
      DesiredCount: 2,
      DeploymentConfiguration: { MinimumHealthyPercent: 100, MaximumPercent: 200, DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
      LoadBalancers: [Match.objectLike({ ContainerName: "dashboard", ContainerPort: 3000 })],
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: "DISABLED" }) },
    });
  });

  it("takes more replicas from context, never fewer than two", () => {
    synth({ desiredCount: "3" }).dashboardTemplate.hasResourceProperties("AWS::ECS::Service", { DesiredCount: 3 });
    expect(() => synth({ desiredCount: 1 })).toThrow(/context desiredCount: .*2/);
  });

  it("has the container listen on 3000 and stop within 30 s of SIGTERM", () => {
    expect(container()).toMatchObject({ PortMappings: [{ ContainerPort: 3000 }], StopTimeout: 30 });
  });

  it("checks liveness on /api/health exactly as the Dockerfile's HEALTHCHECK does", () => {
    const dockerfile = readFileSync(path.join(__dirname, "..", "..", "Dockerfile"), "utf8").replace(/\\\n\s*/g, " ");
    const line = /^HEALTHCHECK (?<options>.*?) CMD (?<cmd>\[.*\])$/m.exec(dockerfile)?.groups;
    expect(line, "the Dockerfile has a HEALTHCHECK … CMD [...] line").toBeDefined();
    const option = (name: string) => Number(new RegExp(`--${name}=(\\d+)s?`).exec(line?.options ?? "")?.[1]);
    expect(container().HealthCheck).toEqual({
      Command: ["CMD", ...(JSON.parse(line?.cmd ?? "[]") as string[])],
      Interval: option("interval"),
      Timeout: option("timeout"),
      StartPeriod: option("start-period"),
      Retries: option("retries"),
    });
    expect(JSON.stringify(container().HealthCheck)).toContain("/api/health");
  });
});

describe("the load balancer", () => {
  it("serves HTTPS with the given certificate and a TLS 1.2+ policy", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 443,
      Protocol: "HTTPS",
      Certificates: [{ CertificateArn: CERTIFICATE_ARN }],
      SslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      DefaultActions: [Match.objectLike({ Type: "forward" })],
    });
  });

  it("answers plain HTTP only with a permanent redirect to HTTPS", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 80,
      Protocol: "HTTP",
      DefaultActions: [{ Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" } }],
    });
    template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
  });

  it("routes to task IPs on 3000, health-checked on the readiness probe /api/ready, draining for 30 s", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
      Port: 3000,
      Protocol: "HTTP",
      TargetType: "ip",
      HealthCheckPath: "/api/ready",
      Matcher: { HttpCode: "200" },
      TargetGroupAttributes: Match.arrayWith([{ Key: "deregistration_delay.timeout_seconds", Value: "30" }]),
    });
  });

  it("is internal by default and internet-facing only when asked", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", { Scheme: "internal" });
    synth({ internetFacing: "true" }).dashboardTemplate.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", { Scheme: "internet-facing" });
  });

  it("lets only the load balancer reach the tasks' port", () => {
    template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", {
      IpProtocol: "tcp",
      FromPort: 3000,
      ToPort: 3000,
      SourceSecurityGroupId: { "Fn::GetAtt": [Match.stringLikeRegexp("^LoadBalancerSecurityGroup"), "GroupId"] },
    });
  });
});

describe("secrets and configuration", () => {
  it("keeps every secret out of the plain environment", () => {
    expect(container().Environment.map((e) => e.Name).sort()).toEqual(["AWS_REGION", "DATABASE_URL", "NEXTAUTH_URL", "NODE_ENV", "PORT"]);
    expect(container().Secrets.map((s) => s.Name).sort()).toEqual(["NEXTAUTH_SECRET", "OKTA_CLIENT_SECRET", "PGPASSWORD", "STEADYSTATE_CONFIG_JSON"]);
    const url = JSON.stringify(container().Environment.find((e) => e.Name === "DATABASE_URL")?.Value);
    expect(url).toContain("postgres://steadystate@");
    expect(url).toContain("sslmode=no-verify");
  });

  it("generates NEXTAUTH_SECRET in Secrets Manager, long enough for the app (32 characters at least)", () => {
    const ref = container().Secrets.find((s) => s.Name === "NEXTAUTH_SECRET") as { ValueFrom?: { Ref?: string } } | undefined;
    const secret = template.toJSON().Resources[ref?.ValueFrom?.Ref ?? "missing"] as { Type: string; Properties: { GenerateSecretString: { PasswordLength: number } } };
    expect(secret.Type).toBe("AWS::SecretsManager::Secret");
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
  });

  it("puts the configuration file's text in SSM, given to the tasks as STEADYSTATE_CONFIG_JSON", () => {
    template.hasResourceProperties("AWS::SSM::Parameter", { Name: "/steady-state/config", Type: "String", Value: readFileSync(CONFIG_FILE, "utf8") });
    const config = container().Secrets.find((s) => s.Name === "STEADYSTATE_CONFIG_JSON");
    expect(JSON.stringify(config)).toContain(":ssm:");
  });

  it("reads a parameter made outside the app instead, when configParameter names it", () => {
    const t = synth({ configFile: undefined, configParameter: "/platform/steady-state" }).dashboardTemplate;
    t.resourceCountIs("AWS::SSM::Parameter", 0);
    expect(JSON.stringify(t.toJSON())).toContain(":parameter/platform/steady-state");
  });
});

describe("logs and database", () => {
  it("logs to its own group with the retention asked for (30 days by default)", () => {
    template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 30 });
    const [logGroup] = Object.keys(template.findResources("AWS::Logs::LogGroup"));
    expect(container().LogConfiguration).toMatchObject({ LogDriver: "awslogs", Options: { "awslogs-group": { Ref: logGroup } } });
    synth({ logRetentionDays: "90" }).dashboardTemplate.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 90 });
    expect(() => synth({ logRetentionDays: 10 })).toThrow(/context logRetentionDays: expected one of/);
  });

  it("runs Postgres encrypted, multi-AZ, protected from deletion and not publicly accessible", () => {
    template.hasResourceProperties("AWS::RDS::DBInstance", {
      Engine: "postgres",
      PubliclyAccessible: false,
      StorageEncrypted: true,
      MultiAZ: true,
      DeletionProtection: true,
      DBName: "steadystate",
    });
  });

  it("lets only the tasks reach the database port", () => {
    template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", {
      FromPort: { "Fn::GetAtt": [Match.stringLikeRegexp("^DatabasePostgres"), "Endpoint.Port"] },
      SourceSecurityGroupId: { "Fn::GetAtt": [Match.stringLikeRegexp("^DashboardServiceSecurityGroup"), "GroupId"] },
    });
  });

  it("uses an existing VPC when vpcId is given, creating none, with the tasks in its private subnets", () => {
    const vpcId = "vpc-0abc1234def567890";
    const imported = synth({ vpcId, ...importedVpcLookup(vpcId) }).dashboardTemplate;
    imported.resourceCountIs("AWS::EC2::VPC", 0);
    imported.hasResourceProperties("AWS::ECS::Service", {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ Subnets: ["subnet-03aaaabbbbcccc3", "subnet-04aaaabbbbcccc4"] }) },
    });
    imported.hasResourceProperties("AWS::EC2::SecurityGroup", { VpcId: vpcId });
    template.resourceCountIs("AWS::EC2::VPC", 1);
  });
});
