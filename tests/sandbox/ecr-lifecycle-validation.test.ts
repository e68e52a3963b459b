// Lifecycle policy validation (aws-behaviour.md §4.4) and the policy operations around it.
import {
  DeleteLifecyclePolicyCommand,
  GetLifecyclePolicyCommand,
  PutLifecyclePolicyCommand,
  StartLifecyclePolicyPreviewCommand,
} from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { ACCOUNT, createRepository, expectAwsError } from "./ecr-fixtures";

const REPO = "policies";
const untagged = { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 };
const prod = { tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: 10 };
const rule = (rulePriority: unknown, selection: object, action: object = { type: "expire" }) => ({ rulePriority, selection, action });
// Indented so that every policy below clears the 100-character minimum on content, not on padding.
const policy = (...rules: object[]) => JSON.stringify({ rules }, null, 2);
const VALID = policy(rule(1, prod), rule(2, untagged));

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  await createRepository(sandbox, REPO);
});
afterAll(() => sandbox.close());

const put = (lifecyclePolicyText: string) => sandbox.ecr.send(new PutLifecyclePolicyCommand({ repositoryName: REPO, lifecyclePolicyText }));

describe("invalid policies", () => {
  it.each([
    ["too short", '{"rules":[]}', /Member must have length greater than or equal to 100/],
    ["too long", policy(rule(1, { ...untagged }, { type: "expire" }), ...Array.from({ length: 200 }, (_, i) => rule(i + 2, prod))), /less than or equal to 30720/],
    ["not JSON", `{"rules": [${" ".repeat(120)}`, /not valid JSON/],
    ["no rules", policy().replace("rules", "rulez").padEnd(120), /not allowed by the schema: \["rulez"\]/],
    ["empty rules", JSON.stringify({ rules: [] }).padEnd(120), /non-empty array of rules/],
    ["duplicate priorities", policy(rule(1, prod), rule(1, untagged)), /rulePriority 1 is used by more than one rule/],
    ["priority not an integer", policy(rule("1", untagged)), /rules\[0\]\.rulePriority: instance type \(string\)/],
    ["priority zero", policy(rule(0, untagged)), /lower than the required minimum/],
    ["tagged without a list", policy(rule(1, { ...prod, tagPrefixList: undefined })), /exactly one of tagPrefixList or tagPatternList/],
    ["tagged with both lists", policy(rule(1, { ...prod, tagPatternList: ["prod*"] })), /exactly one of tagPrefixList or tagPatternList/],
    ["untagged with a prefix list", policy(rule(1, { ...untagged, tagPrefixList: ["prod"] })), /only be used with tagStatus 'tagged'/],
    ["any with a pattern list", policy(rule(1, { ...untagged, tagStatus: "any", tagPatternList: ["x*"] })), /only be used with tagStatus 'tagged'/],
    ["empty prefix list", policy(rule(1, { ...prod, tagPrefixList: [] })), /non-empty array of non-empty strings/],
    ["five wildcards", policy(rule(1, { ...prod, tagPrefixList: undefined, tagPatternList: ["a*b*c*d*e*f"] })), /more than 4 wildcards/],
    ["any not last", policy(rule(1, { ...untagged, tagStatus: "any" }), rule(2, prod)), /tagStatus 'any' \(rulePriority 1\) must have the highest/],
    ["two untagged rules", policy(rule(1, untagged), rule(2, { ...untagged, countNumber: 5 })), /only one rule can select untagged images/],
    ["sinceImagePushed without days", policy(rule(1, { ...untagged, countUnit: undefined })), /requires countUnit 'days'/],
    ["countUnit with a count", policy(rule(1, { ...prod, countUnit: "days" })), /countUnit cannot be used with countType 'imageCountMoreThan'/],
    ["countNumber zero", policy(rule(1, { ...prod, countNumber: 0 })), /countNumber: numeric instance is lower than the required minimum/],
    ["unknown tagStatus", policy(rule(1, { ...untagged, tagStatus: "TAGGED" })), /not found in enum/],
    ["unknown countType", policy(rule(1, { ...untagged, countType: "sinceImagePulled" })), /countType: instance value \("sinceImagePulled"\) not found in enum/],
    ["unknown action", policy(rule(1, untagged, { type: "delete" })), /action\.type: instance value \("delete"\) not found/],
    ["unknown selection key", policy(rule(1, { ...untagged, tagPrefix: "x" })), /not allowed by the schema: \["tagPrefix"\]/],
    ["missing selection", policy({ rulePriority: 1, action: { type: "expire" }, description: "no selection given here" }), /missing required properties \(\["selection"\]\)/],
  ])("%s", async (_name, text, message) => {
    await expectAwsError(put(text), "InvalidParameterException", message);
    await expectAwsError(
      sandbox.ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: REPO, lifecyclePolicyText: text })),
      "InvalidParameterException",
      message,
    );
  });

  it("uses ECR's constraint wording", async () => {
    await expectAwsError(
      put(policy(rule(1, untagged), rule(2, { ...untagged, countNumber: 5 }))),
      "InvalidParameterException",
      "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: only one rule can select untagged images'",
    );
  });
});

describe("PutLifecyclePolicy, GetLifecyclePolicy, DeleteLifecyclePolicy", () => {
  it("stores, returns and deletes a valid policy", async () => {
    const notFound = `Lifecycle policy does not exist for the repository with name '${REPO}' in the registry with id '${ACCOUNT}'`;
    await expectAwsError(sandbox.ecr.send(new GetLifecyclePolicyCommand({ repositoryName: REPO })), "LifecyclePolicyNotFoundException", notFound);
    expect(await put(VALID)).toMatchObject({ registryId: ACCOUNT, repositoryName: REPO, lifecyclePolicyText: VALID });
    const got = await sandbox.ecr.send(new GetLifecyclePolicyCommand({ repositoryName: REPO }));
    expect(got).toMatchObject({ registryId: ACCOUNT, repositoryName: REPO, lifecyclePolicyText: VALID });
    expect(got.lastEvaluatedAt).toBeUndefined();
    const deleted = await sandbox.ecr.send(new DeleteLifecyclePolicyCommand({ repositoryName: REPO }));
    expect(deleted.lifecyclePolicyText).toBe(VALID);
    await expectAwsError(sandbox.ecr.send(new DeleteLifecyclePolicyCommand({ repositoryName: REPO })), "LifecyclePolicyNotFoundException", notFound);
  });

  it("accepts pattern lists, gaps in priorities and a final any rule", async () => {
    const text = policy(
      rule(5, { ...prod, tagPrefixList: undefined, tagPatternList: ["prod-*", "*-stable"] }),
      rule(20, untagged),
      rule(100, { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 50 }),
    );
    await expect(put(text)).resolves.toMatchObject({ lifecyclePolicyText: text });
  });
});
