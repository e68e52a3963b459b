// Synthesizes the app the way bin/steady-state.ts does, on a context the test chooses, and hands back
// CloudFormation templates to assert with aws-cdk-lib/assertions.
import { readFileSync } from "node:fs";
import path from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { defineStacks, type SteadyStateStacks } from "../lib/steady-state-app";

export const DASHBOARD_ACCOUNT = "123456789012";
export const ENV_ACCOUNT = "210987654321";
export const CERTIFICATE_ARN = `arn:aws:acm:eu-west-1:${DASHBOARD_ACCOUNT}:certificate/0a1b2c3d-1111-2222-3333-444455556666`;
export const CONFIG_FILE = path.join(__dirname, "fixtures", "config.json");

/** The smallest context that synthesizes: one environment in another account, the fixture configuration. */
export const BASE_CONTEXT = {
  account: DASHBOARD_ACCOUNT,
  region: "eu-west-1",
  image: `${DASHBOARD_ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/steady-state:prod-0123abc`,
  url: "https://steadystate.example.com",
  certificateArn: CERTIFICATE_ARN,
  configFile: CONFIG_FILE,
  environments: [{ id: "production", account: ENV_ACCOUNT, region: "eu-west-1" }],
  secrets: { OKTA_CLIENT_SECRET: "steady-state/okta" },
};

// The feature flags `cdk` would run the app with (cdk.json), among them CloudFormation's own template
// rules as errors, so a template CloudFormation would refuse fails these tests too.
export const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(path.join(__dirname, "..", "cdk.json"), "utf8")) as { context: Record<string, unknown> }).context;

/** What `cdk` caches in cdk.context.json after looking `vpcId` up: two zones, public and private subnets. */
export function importedVpcLookup(vpcId: string): Record<string, unknown> {
  const subnet = (n: number, zone: string) => ({ subnetId: `subnet-0${n}aaaabbbbcccc${n}`, cidr: `10.9.${n}.0/24`, availabilityZone: zone, routeTableId: `rtb-0${n}ddddeeeeffff${n}` });
  const key = `vpc-provider:account=${DASHBOARD_ACCOUNT}:filter.vpc-id=${vpcId}:region=eu-west-1:returnAsymmetricSubnets=true`;
  return {
    [key]: {
      vpcId,
      vpcCidrBlock: "10.9.0.0/16",
      availabilityZones: [],
      subnetGroups: [
        { name: "Public", type: "Public", subnets: [subnet(1, "eu-west-1a"), subnet(2, "eu-west-1b")] },
        { name: "Private", type: "Private", subnets: [subnet(3, "eu-west-1a"), subnet(4, "eu-west-1b")] },
      ],
    },
  };
}

export interface Synthesized extends SteadyStateStacks {
  dashboardTemplate: Template;
  environmentTemplates: Template[];
}

export function synth(context: Record<string, unknown> = {}): Synthesized {
  // No CDK_DEFAULT_* from the machine: the account and region are the context's alone.
  const stacks = defineStacks(new App({ context: { ...CDK_JSON_CONTEXT, ...BASE_CONTEXT, ...context } }), {});
  return {
    ...stacks,
    dashboardTemplate: Template.fromStack(stacks.dashboard),
    environmentTemplates: stacks.environments.map((stack) => Template.fromStack(stack)),
  };
}

/** A policy file as it is on disk, parsed independently of the app's loader. */
export const policyOnDisk = (name: string): unknown => JSON.parse(readFileSync(path.join(__dirname, "..", "iam", `${name}.json`), "utf8"));

export type Resource = { Properties: Record<string, unknown> };

/** Every resource of `type` in `template`. */
export const resources = (template: Template, type: string): Resource[] => Object.values(template.findResources(type)) as Resource[];

/** The one resource of `type` in `template` (fails the test when there are more or none). */
export function only(template: Template, type: string): Resource {
  const found = resources(template, type);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}
