// The IAM policies in deploy/iam/*.json, read from disk at synth time and attached verbatim: the same
// documents the docs link and the sandbox tests run the journeys with (deploy/iam/README.md), so what
// the role may do is exactly what those tests proved, byte for byte in JSON terms.
import { readFileSync } from "node:fs";
import path from "node:path";
import { CfnManagedPolicy, type IRole } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { z } from "zod";

export const IAM_DIR = path.resolve(__dirname, "..", "iam");

export type PolicyName = "read-only" | "rollback" | "enhanced-scanning";

// The standard IAM document shape; the statements themselves are IAM's to judge at deploy time.
const documentSchema = z.looseObject({
  Version: z.literal("2012-10-17"),
  Statement: z.array(z.looseObject({ Effect: z.enum(["Allow", "Deny"]) })).min(1),
});

export type PolicyDocumentJson = z.output<typeof documentSchema>;

export function readPolicyFile(name: PolicyName, dir = IAM_DIR): PolicyDocumentJson {
  const file = path.join(dir, `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`IAM policy ${file}: ${(error as Error).message}`);
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`IAM policy ${file}: not an IAM policy document: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** The files a role gets: the read-only or rollback policy, plus Inspector's reads for enhanced scanning. */
export function policyNames(policy: "read-only" | "rollback", enhancedScanning: boolean): PolicyName[] {
  return enhancedScanning ? [policy, "enhanced-scanning"] : [policy];
}

/**
 * One customer-managed policy per file, attached to `role`. The L1 resource keeps the document exactly
 * as written (the L2 PolicyDocument would merge and reshape statements).
 */
export class PolicyFiles extends Construct {
  readonly policies: CfnManagedPolicy[];

  constructor(scope: Construct, id: string, props: { role: IRole; names: PolicyName[]; description: string }) {
    super(scope, id);
    this.policies = props.names.map(
      (name) =>
        new CfnManagedPolicy(this, name, {
          description: `${props.description}: deploy/iam/${name}.json`,
          policyDocument: readPolicyFile(name),
          roles: [props.role.roleName],
        }),
    );
  }
}
