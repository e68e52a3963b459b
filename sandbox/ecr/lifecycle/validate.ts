// Lifecycle policy validation as PutLifecyclePolicy and StartLifecyclePolicyPreview do it (§4.4). AWS
// validates with a JSON schema and answers `Invalid parameter at 'LifecyclePolicyText' failed to satisfy
// constraint: 'Lifecycle policy validation failure: …'`; the reasons below follow that validator's wording
// and name the offending rule so the message says what to fix.
import { constraintViolation } from "../errors";
import type { CountType, LifecycleRule, RuleTagStatus } from "./policy";

const MIN_LENGTH = 100;
const MAX_LENGTH = 30_720;
const MAX_WILDCARDS = 4;
const TAG_STATUSES: readonly RuleTagStatus[] = ["tagged", "untagged", "any"];
// Emulator choice: the storage-class additions (sinceImagePulled, sinceImageTransitioned, transition
// actions) are not modelled, so only the two classic count types and `expire` are accepted.
const COUNT_TYPES: readonly CountType[] = ["imageCountMoreThan", "sinceImagePushed"];

type Json = Record<string, unknown>;

const fail = (where: string, reason: string) =>
  constraintViolation("LifecyclePolicyText", `Lifecycle policy validation failure: ${where ? `${where}: ` : ""}${reason}`);

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function expectObject(value: unknown, where: string, allowed: string[], required: string[]): Json {
  if (typeName(value) !== "object") {
    throw fail(where, `instance type (${typeName(value)}) does not match any allowed primitive type (allowed: ["object"])`);
  }
  const obj = value as Json;
  const extra = Object.keys(obj).filter((key) => !allowed.includes(key));
  if (extra.length) throw fail(where, `object instance has properties which are not allowed by the schema: ${JSON.stringify(extra)}`);
  const missing = required.filter((key) => obj[key] === undefined);
  if (missing.length) throw fail(where, `object has missing required properties (${JSON.stringify(missing)})`);
  return obj;
}

function expectEnum<T extends string>(value: unknown, where: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw fail(where, `instance value (${JSON.stringify(value)}) not found in enum (possible values: ${JSON.stringify(allowed)})`);
  }
  return value as T;
}

function expectPositiveInteger(value: unknown, where: string): number {
  if (typeName(value) !== "integer") {
    throw fail(where, `instance type (${typeName(value)}) does not match any allowed primitive type (allowed: ["integer"])`);
  }
  if ((value as number) < 1) throw fail(where, `numeric instance is lower than the required minimum (minimum: 1, found: ${String(value)})`);
  return value as number;
}

function expectTagList(value: unknown, where: string, isPattern: boolean): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== "string" || item.length === 0)) {
    throw fail(where, "must be a non-empty array of non-empty strings");
  }
  const list = value as string[];
  const tooWild = isPattern && list.find((item) => item.split("*").length - 1 > MAX_WILDCARDS);
  if (tooWild) throw fail(where, `'${tooWild}' has more than ${MAX_WILDCARDS} wildcards (*)`);
  return list;
}

function parseSelection(value: unknown, where: string): LifecycleRule["selection"] {
  const allowed = ["tagStatus", "tagPrefixList", "tagPatternList", "countType", "countUnit", "countNumber"];
  const sel = expectObject(value, where, allowed, ["tagStatus", "countType", "countNumber"]);
  const tagStatus = expectEnum(sel.tagStatus, `${where}.tagStatus`, TAG_STATUSES);
  const countType = expectEnum(sel.countType, `${where}.countType`, COUNT_TYPES);
  const countNumber = expectPositiveInteger(sel.countNumber, `${where}.countNumber`);
  const hasPrefix = sel.tagPrefixList !== undefined;
  const hasPattern = sel.tagPatternList !== undefined;
  if (tagStatus === "tagged" && hasPrefix === hasPattern) {
    throw fail(where, "a rule with tagStatus 'tagged' must specify exactly one of tagPrefixList or tagPatternList");
  }
  if (tagStatus !== "tagged" && (hasPrefix || hasPattern)) {
    throw fail(where, `tagPrefixList and tagPatternList can only be used with tagStatus 'tagged', not '${tagStatus}'`);
  }
  if (countType === "sinceImagePushed" && sel.countUnit !== "days") {
    throw fail(`${where}.countUnit`, "countType 'sinceImagePushed' requires countUnit 'days'");
  }
  if (countType === "imageCountMoreThan" && sel.countUnit !== undefined) {
    throw fail(`${where}.countUnit`, "countUnit cannot be used with countType 'imageCountMoreThan'");
  }
  return {
    tagStatus,
    countType,
    countNumber,
    countUnit: countType === "sinceImagePushed" ? "days" : undefined,
    tagPrefixList: hasPrefix ? expectTagList(sel.tagPrefixList, `${where}.tagPrefixList`, false) : undefined,
    tagPatternList: hasPattern ? expectTagList(sel.tagPatternList, `${where}.tagPatternList`, true) : undefined,
  };
}

function parseRule(value: unknown, where: string): LifecycleRule {
  const rule = expectObject(value, where, ["rulePriority", "description", "selection", "action"], ["rulePriority", "selection", "action"]);
  if (rule.description !== undefined && typeof rule.description !== "string") throw fail(`${where}.description`, "must be a string");
  const action = expectObject(rule.action, `${where}.action`, ["type"], ["type"]);
  expectEnum(action.type, `${where}.action.type`, ["expire"] as const);
  return {
    rulePriority: expectPositiveInteger(rule.rulePriority, `${where}.rulePriority`),
    description: rule.description as string | undefined,
    selection: parseSelection(rule.selection, `${where}.selection`),
    action: { type: "expire" },
  };
}

function checkAcrossRules(rules: LifecycleRule[]): void {
  const seen = new Set<number>();
  for (const rule of rules) {
    if (seen.has(rule.rulePriority)) throw fail("", `rulePriority ${rule.rulePriority} is used by more than one rule; priorities must be unique`);
    seen.add(rule.rulePriority);
  }
  if (rules.filter((rule) => rule.selection.tagStatus === "untagged").length > 1) {
    throw fail("", "only one rule can select untagged images");
  }
  const highest = Math.max(...rules.map((rule) => rule.rulePriority));
  const anyRule = rules.find((rule) => rule.selection.tagStatus === "any" && rule.rulePriority !== highest);
  if (anyRule) {
    throw fail("", `the rule with tagStatus 'any' (rulePriority ${anyRule.rulePriority}) must have the highest rulePriority value`);
  }
}

/** Parse and validate a policy; the rules come back sorted lowest priority value (applied first) first. */
export function parseLifecyclePolicy(text: string): LifecycleRule[] {
  if (text.length < MIN_LENGTH) throw constraintViolation("lifecyclePolicyText", `Member must have length greater than or equal to ${MIN_LENGTH}`);
  if (text.length > MAX_LENGTH) throw constraintViolation("lifecyclePolicyText", `Member must have length less than or equal to ${MAX_LENGTH}`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw fail("", "the policy text is not valid JSON");
  }
  const root = expectObject(doc, "", ["rules"], ["rules"]);
  if (!Array.isArray(root.rules) || root.rules.length === 0) throw fail("rules", "must be a non-empty array of rules");
  const rules = root.rules.map((rule, i) => parseRule(rule, `rules[${i}]`));
  checkAcrossRules(rules);
  return rules.sort((a, b) => a.rulePriority - b.rulePriority);
}
