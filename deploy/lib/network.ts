// The VPC: the one named by `vpcId` (looked up, so it needs public and private-with-egress subnets),
// or a new one over two availability zones. The tasks and the database sit in private subnets; the
// tasks reach ECS, ECR, STS and the sign-in provider through the NAT gateway(s).
import { IpAddresses, SubnetType, Vpc, type IVpc } from "aws-cdk-lib/aws-ec2";
import type { Construct } from "constructs";
import type { Settings } from "./settings";

export function dashboardVpc(scope: Construct, settings: Pick<Settings, "vpcId" | "natGateways">): IVpc {
  if (settings.vpcId) return Vpc.fromLookup(scope, "Vpc", { vpcId: settings.vpcId });
  return new Vpc(scope, "Vpc", {
    ipAddresses: IpAddresses.cidr("10.40.0.0/16"),
    maxAzs: 2,
    natGateways: settings.natGateways,
    subnetConfiguration: [
      { name: "public", subnetType: SubnetType.PUBLIC, cidrMask: 24 },
      { name: "private", subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
    ],
  });
}
