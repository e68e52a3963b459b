// The Application Load Balancer: HTTPS on 443 with the given ACM certificate, port 80 only redirecting
// to it, and one target group of task IPs on port 3000 whose health check is the readiness probe.
import { Duration } from "aws-cdk-lib";
import { Peer, Port, SecurityGroup, SubnetType, type IVpc } from "aws-cdk-lib/aws-ec2";
import {
  ApplicationLoadBalancer,
  ApplicationProtocol,
  ApplicationTargetGroup,
  ListenerAction,
  ListenerCertificate,
  SslPolicy,
  TargetType,
} from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { ARecord, HostedZone, RecordTarget } from "aws-cdk-lib/aws-route53";
import { LoadBalancerTarget } from "aws-cdk-lib/aws-route53-targets";
import { Construct } from "constructs";
import type { Settings } from "./settings";

export const CONTAINER_PORT = 3000;
/** `/api/ready`: store reachable and configuration valid. `/api/health` (liveness) stays the container's check. */
export const READINESS_PATH = "/api/ready";
// ECS waits this long after taking a task out of the target group before it sends SIGTERM, so requests
// in flight finish; the server then hands its follower leases over and exits (well inside stopTimeout).
export const DEREGISTRATION_DELAY_SECONDS = 30;

type LbSettings = Pick<Settings, "certificateArn" | "internetFacing" | "allowedCidrs" | "url" | "hostedZoneId" | "zoneName">;

export class DashboardLoadBalancer extends Construct {
  readonly alb: ApplicationLoadBalancer;
  readonly targetGroup: ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: { vpc: IVpc; settings: LbSettings }) {
    super(scope, id);
    const { vpc, settings } = props;
    const securityGroup = new SecurityGroup(this, "SecurityGroup", { vpc, description: "Steady State load balancer", allowAllOutbound: false });
    // An internal dashboard is reached from the VPC (and whatever routes into it: VPN, peering) by default.
    const cidrs = settings.allowedCidrs ?? (settings.internetFacing ? ["0.0.0.0/0"] : [vpc.vpcCidrBlock]);
    for (const cidr of cidrs) {
      securityGroup.addIngressRule(Peer.ipv4(cidr), Port.tcp(443), "HTTPS");
      securityGroup.addIngressRule(Peer.ipv4(cidr), Port.tcp(80), "HTTP, redirected to HTTPS");
    }

    this.alb = new ApplicationLoadBalancer(this, "Alb", {
      vpc,
      internetFacing: settings.internetFacing,
      vpcSubnets: { subnetType: settings.internetFacing ? SubnetType.PUBLIC : SubnetType.PRIVATE_WITH_EGRESS },
      securityGroup,
      dropInvalidHeaderFields: true,
    });

    this.targetGroup = new ApplicationTargetGroup(this, "Targets", {
      vpc,
      port: CONTAINER_PORT,
      protocol: ApplicationProtocol.HTTP,
      targetType: TargetType.IP,
      deregistrationDelay: Duration.seconds(DEREGISTRATION_DELAY_SECONDS),
      healthCheck: {
        path: READINESS_PATH,
        healthyHttpCodes: "200",
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });

    this.alb.addListener("Https", {
      port: 443,
      protocol: ApplicationProtocol.HTTPS,
      certificates: [ListenerCertificate.fromArn(settings.certificateArn)],
      sslPolicy: SslPolicy.RECOMMENDED_TLS,
      defaultAction: ListenerAction.forward([this.targetGroup]),
      open: false,
    });
    this.alb.addListener("Http", {
      port: 80,
      protocol: ApplicationProtocol.HTTP,
      defaultAction: ListenerAction.redirect({ protocol: "HTTPS", port: "443", permanent: true }),
      open: false,
    });

    if (settings.hostedZoneId && settings.zoneName) {
      const zone = HostedZone.fromHostedZoneAttributes(this, "Zone", { hostedZoneId: settings.hostedZoneId, zoneName: settings.zoneName });
      new ARecord(this, "Alias", { zone, recordName: new URL(settings.url).hostname, target: RecordTarget.fromAlias(new LoadBalancerTarget(this.alb)) });
    }
  }
}
