// IAM policy documents (deploy/iam/*.json) as the sandbox's IAM settings (PUT /_sandbox/iam), so tests
// run the dashboard with exactly the permissions a platform team attaches to its role. The sandbox
// models identity-based Allows on actions and resource ARNs only, so the loader refuses anything whose
// meaning it would change by dropping it (Deny, NotAction, NotResource, Principal, unknown conditions)
// rather than test a policy that is not the one written.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { IamSettings } from "./sandbox-control";

type IamIdentity = IamSettings["identities"][string];
type AllowEntry = IamIdentity["allow"][number];

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const conditionSchema = z.record(z.string(), z.record(z.string(), oneOrMany));

const statementSchema = z.strictObject({
  Sid: z.string().regex(/^[A-Za-z0-9]*$/, "a Sid is letters and digits").optional(),
  Effect: z.enum(["Allow", "Deny"]),
  Action: oneOrMany.optional(),
  NotAction: oneOrMany.optional(),
  Resource: oneOrMany.optional(),
  NotResource: oneOrMany.optional(),
  Principal: z.unknown().optional(),
  NotPrincipal: z.unknown().optional(),
  Condition: conditionSchema.optional(),
});

export const policyDocumentSchema = z.strictObject({
  Version: z.literal("2012-10-17"),
  Id: z.string().optional(),
  Statement: z.union([statementSchema, z.array(statementSchema).min(1)]),
});

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type PolicyStatement = z.infer<typeof statementSchema>;

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : typeof value === "string" ? [value] : value);

export const statementsOf = (policy: PolicyDocument): PolicyStatement[] => (Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]);

/**
 * Conditions the sandbox already enforces by construction, keyed by the one action they qualify:
 * - iam:PassedToService = ecs-tasks.amazonaws.com: the sandbox asks for iam:PassRole only for the task
 *   and execution roles of a task definition, which ECS hands to ecs-tasks.amazonaws.com.
 * - ecs:CreateAction = RegisterTaskDefinition: the sandbox asks for ecs:TagResource on a task
 *   definition only while RegisterTaskDefinition creates it with tags (the dashboard never tags
 *   otherwise); the statement's task-definition resource keeps CreateService's tag-on-create out.
 * Dropping them loses nothing a test could observe. Any other condition is refused.
 */
const IMPLIED_CONDITIONS: Record<string, { operator: string; key: string; value: string }> = {
  "iam:PassRole": { operator: "StringEquals", key: "iam:PassedToService", value: "ecs-tasks.amazonaws.com" },
  "ecs:TagResource": { operator: "StringEquals", key: "ecs:CreateAction", value: "RegisterTaskDefinition" },
};

function checkCondition(statement: PolicyStatement, where: string): void {
  if (!statement.Condition) return;
  const actions = list(statement.Action);
  const implied = actions.length === 1 ? IMPLIED_CONDITIONS[actions[0] ?? ""] : undefined;
  const entries = Object.entries(statement.Condition).flatMap(([operator, keys]) => Object.entries(keys).map(([key, value]) => ({ operator, key, values: list(value) })));
  const ok = implied && entries.length === 1 && entries.every((e) => e.operator === implied.operator && e.key === implied.key && e.values.length === 1 && e.values[0] === implied.value);
  if (!ok) throw new Error(`${where}: the sandbox cannot express the condition ${JSON.stringify(statement.Condition)} on ${actions.join(", ")}`);
}

function allowEntries(statement: PolicyStatement, where: string): AllowEntry[] {
  if (statement.Effect !== "Allow") throw new Error(`${where}: the sandbox models Allow statements only, not ${statement.Effect}`);
  for (const key of ["NotAction", "NotResource", "Principal", "NotPrincipal"] as const) {
    if (statement[key] !== undefined) throw new Error(`${where}: the sandbox cannot express ${key}`);
  }
  const actions = list(statement.Action);
  const resources = list(statement.Resource);
  if (actions.length === 0 || resources.length === 0) throw new Error(`${where}: an identity policy statement needs Action and Resource`);
  checkCondition(statement, where);
  // A bare action is the sandbox's "every resource"; a pattern limits the action to matching ARNs.
  return actions.flatMap((action) => resources.map((resource): AllowEntry => (resource === "*" ? action : { action, resource })));
}

/** The sandbox identity that may do what `policy` allows and nothing else. */
export function identityFromPolicy(policy: PolicyDocument, user: string): IamIdentity {
  const statements = statementsOf(policyDocumentSchema.parse(policy));
  return { user, allow: statements.flatMap((s, i) => allowEntries(s, `statement ${s.Sid ?? i}`)) };
}

/** IAM settings giving `accessKeyId` exactly `policy` (every other key stays unrestricted). */
export function iamSettingsFor(accessKeyId: string, policy: PolicyDocument, user = "steady-state"): IamSettings {
  return { identities: { [accessKeyId]: identityFromPolicy(policy, user) } };
}

export const IAM_POLICY_DIR = path.resolve(import.meta.dirname, "../../deploy/iam");

/** A policy document of deploy/iam by name ("read-only", "rollback"), validated. */
export function loadPolicy(name: string): PolicyDocument {
  const text = readFileSync(path.join(IAM_POLICY_DIR, `${name}.json`), "utf8");
  return policyDocumentSchema.parse(JSON.parse(text));
}

/** Every action the policy allows, in order, once each. */
export function policyActions(policy: PolicyDocument): string[] {
  return [...new Set(statementsOf(policy).flatMap((s) => list(s.Action)))];
}

/** `policy` with `action` removed from every statement (a statement left with no action goes too). */
export function withoutAction(policy: PolicyDocument, action: string): PolicyDocument {
  const statements = statementsOf(policy).flatMap((s) => {
    const kept = list(s.Action).filter((a) => a !== action);
    return kept.length === 0 ? [] : [{ ...s, Action: kept }];
  });
  if (statements.length === 0) throw new Error(`removing ${action} leaves no statement`);
  return { ...policy, Statement: statements };
}
