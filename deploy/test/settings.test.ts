// Bad context stops synthesis naming the key; the configuration file is refused for what would go
// wrong because of this app (a plain-text secret, demo users, an environment role it does not create).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfigFile } from "../lib/config-file";
import { readPolicyFile } from "../lib/policy-files";
import { parseSettings } from "../lib/settings";
import { BASE_CONTEXT, ENV_ACCOUNT, policyOnDisk } from "./support";

const parse = (overrides: Record<string, unknown>) =>
  parseSettings(Object.fromEntries(Object.entries({ ...BASE_CONTEXT, ...overrides }).filter(([, v]) => v !== undefined)));

const tempFile = (name: string, text: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ss-deploy-")), name);
  writeFileSync(file, text);
  return file;
};

describe("context", () => {
  it("takes -c strings: numbers, booleans and JSON lists", () => {
    const s = parse({ desiredCount: "4", internetFacing: "true", environments: `[{"id":"prod","account":"${ENV_ACCOUNT}","region":"eu-west-1"}]` });
    expect(s).toMatchObject({ desiredCount: 4, internetFacing: true, environments: [{ id: "prod", account: ENV_ACCOUNT }] });
  });

  it.each([
    [{ image: undefined }, /context image: /],
    [{ url: "http://steadystate.example.com" }, /context url: expected the dashboard's https:\/\/ URL/],
    [{ certificateArn: "arn:aws:iam::123456789012:role/x" }, /context certificateArn: expected an ACM certificate ARN/],
    [{ account: "12345" }, /context account: expected a 12-digit AWS account id/],
    [{ configParameter: "/x" }, /context configFile: set exactly one of configFile/],
    [{ configFile: undefined }, /context configFile: set exactly one of configFile/],
    [{ internetFacing: "yes" }, /context internetFacing: /],
    [{ cpu: 300 }, /context cpu: expected 256, 512/],
    [{ environments: [{ id: "Prod!", account: ENV_ACCOUNT, region: "eu-west-1" }] }, /context environments\.0\.id: expected 1-32/],
    [{ environments: [{ id: "a", account: ENV_ACCOUNT, region: "eu-west-1" }, { id: "a", account: ENV_ACCOUNT, region: "eu-west-1" }] }, /environment ids must be unique/],
    [{ hostedZoneId: "Z123ABC" }, /context hostedZoneId: hostedZoneId and zoneName go together/],
    [{ desiredcount: 3 }, /Unrecognized key.*desiredcount/],
  ])("refuses %j naming the key", (overrides, message) => {
    expect(() => parse(overrides)).toThrow(message);
  });

  it("ignores CDK's own context keys (feature flags, lookup caches)", () => {
    expect(() => parse({ "@aws-cdk/core:newStyleStackSynthesis": true, "vpc-provider:account=1:region=x": {} })).not.toThrow();
  });
});

describe("the configuration file", () => {
  const envs = [{ id: "production", account: ENV_ACCOUNT, region: "eu-west-1" }];
  const config = (body: object) => tempFile("config.json", JSON.stringify(body));
  const production = { id: "production", name: "P", region: "eu-west-1", clusters: "all", roleArn: `arn:aws:iam::${ENV_ACCOUNT}:role/steady-state-production` };

  it("is read as text when it matches the environments this app gives roles to", () => {
    const file = config({ environments: [production] });
    expect(readConfigFile(file, envs).text).toBe(JSON.stringify({ environments: [production] }));
  });

  it("is refused when an environment's roleArn is not the role this app creates", () => {
    const file = config({ environments: [{ ...production, roleArn: `arn:aws:iam::${ENV_ACCOUNT}:role/other` }] });
    expect(() => readConfigFile(file, envs)).toThrow(`roleArn must be arn:aws:iam::${ENV_ACCOUNT}:role/steady-state-production`);
    expect(() => readConfigFile(config({ environments: [] }), envs)).toThrow(/names "production", which is not one of its environments/);
  });

  it("is refused with an inline client secret, which would be plain text in SSM and the template", () => {
    const file = config({ environments: [production], auth: { github: { clientId: "x", clientSecret: "s3cret" } } });
    expect(() => readConfigFile(file, envs)).toThrow(/auth\.github\.clientSecret would be stored in plain text; use clientSecretEnv/);
  });

  it("is refused with demo users, which the dashboard will not start with against AWS", () => {
    expect(() => readConfigFile(config({ environments: [production], auth: { demoUsers: true } }), envs)).toThrow(/auth\.demoUsers/);
  });

  it("is refused when it is not JSON, naming the file", () => {
    const file = tempFile("broken.json", "{ nope");
    expect(() => readConfigFile(file, [])).toThrow(`context configFile (${file}): `);
  });
});

describe("policy files", () => {
  it("are read as the standard IAM document shape", () => {
    expect(readPolicyFile("read-only")).toEqual(policyOnDisk("read-only"));
  });

  it("refuse a file that is not an IAM policy document, naming it", () => {
    const dir = path.dirname(tempFile("read-only.json", JSON.stringify({ Version: "2008-10-17", Statement: [] })));
    expect(() => readPolicyFile("read-only", dir)).toThrow(`IAM policy ${path.join(dir, "read-only.json")}: not an IAM policy document`);
  });
});
