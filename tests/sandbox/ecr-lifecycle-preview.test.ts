// Lifecycle policy previews: the AWS rule semantics (aws-behaviour.md §4.4, rules 1–9) on a table of
// scenarios, and the preview operations' states, paging and errors.
import { GetLifecyclePolicyPreviewCommand, PutLifecyclePolicyCommand, StartLifecyclePolicyPreviewCommand } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EcrRegion } from "../../sandbox/ecr/state";
import type { TestSandbox } from "../support/sandbox";
import { ACCOUNT, createRepository, expectAwsError, startSandboxWithModel } from "./ecr-fixtures";

const DAY = 86_400_000;
type Image = [label: string, tags: string[], ageDays: number];
type Expected = [label: string, rulePriority: number];

const rule = (rulePriority: number, selection: Record<string, unknown>) => ({ rulePriority, selection, action: { type: "expire" } });
const count = (n: number) => ({ countType: "imageCountMoreThan", countNumber: n });
const olderThan = (days: number) => ({ countType: "sinceImagePushed", countUnit: "days", countNumber: days });
const policy = (...rules: object[]) => JSON.stringify({ rules }, null, 2);

const SCENARIOS: [name: string, images: Image[], text: string, expected: Expected[]][] = [
  [
    "a prefix list matches only when every prefix matches some tag",
    [["both", ["prod-1", "stable"], 5], ["prod-only", ["prod-2"], 4], ["stable-only", ["stable"], 3]],
    policy(rule(1, { tagStatus: "tagged", tagPrefixList: ["prod", "stable"], ...count(1) })),
    [],
  ],
  [
    "imageCountMoreThan keeps the newest N and expires the rest oldest first",
    [["p1", ["prod-1"], 5], ["p2", ["prod-2"], 4], ["p3", ["prod-3"], 3], ["p4", ["prod-4"], 2], ["p5", ["prod-5"], 1]],
    policy(rule(1, { tagStatus: "tagged", tagPrefixList: ["prod"], ...count(2) })),
    [["p1", 1], ["p2", 1], ["p3", 1]],
  ],
  [
    "sinceImagePushed expires only images older than N days",
    [["old", [], 10], ["day-and-a-bit", [], 1.1], ["fresh", [], 0.5]],
    policy(rule(1, { tagStatus: "untagged", ...olderThan(1) })),
    [["old", 1], ["day-and-a-bit", 1]],
  ],
  [
    "an image selected by a higher-priority rule cannot be expired by a lower one",
    [["p1", ["prod-1"], 4], ["p2", ["prod-2"], 3], ["untagged", [], 2], ["p3", ["prod-3"], 1]],
    policy(rule(1, { tagStatus: "tagged", tagPrefixList: ["prod"], ...count(10) }), rule(2, { tagStatus: "any", ...count(1) })),
    [["untagged", 2]],
  ],
  [
    "lower-priority rules still count images claimed by higher ones",
    [["dev-old", ["dev-1"], 4], ["dev-new", ["dev-2"], 3], ["prod-old", ["prod-1"], 2], ["prod-new", ["prod-2"], 1]],
    policy(rule(1, { tagStatus: "tagged", tagPrefixList: ["prod"], ...count(5) }), rule(2, { tagStatus: "any", ...count(2) })),
    [["dev-old", 2], ["dev-new", 2]],
  ],
  [
    "each image is expired by one rule only, the first that selects it",
    [["both", ["prod-a", "dev-a"], 3], ["prod", ["prod-b"], 2], ["dev", ["dev-c"], 2], ["new-dev", ["dev-d"], 0.5]],
    policy(rule(1, { tagStatus: "tagged", tagPrefixList: ["prod"], ...olderThan(1) }), rule(2, { tagStatus: "tagged", tagPrefixList: ["dev"], ...olderThan(1) })),
    [["both", 1], ["prod", 1], ["dev", 2]],
  ],
  [
    "pattern lists use wildcards and need every pattern matched",
    [["r1", ["release-1.0"], 4], ["hotfix", ["release-2.0", "hotfix-1"], 3], ["r3", ["release-3.0"], 2], ["rc", ["rc-1"], 1]],
    policy(rule(1, { tagStatus: "tagged", tagPatternList: ["release-*", "*fix*"], ...count(1) }), rule(2, { tagStatus: "tagged", tagPatternList: ["release-*"], ...count(1) })),
    [["r1", 2]],
  ],
  [
    "untagged rules ignore tagged images and tagged rules ignore untagged ones",
    [["u-old", [], 9], ["t-old", ["v1"], 8], ["u-new", [], 1], ["t-new", ["v2"], 0]],
    policy(rule(1, { tagStatus: "untagged", ...count(1) }), rule(2, { tagStatus: "tagged", tagPrefixList: ["v"], ...olderThan(5) })),
    [["u-old", 1], ["t-old", 2]],
  ],
];

let sandbox: TestSandbox;
let ecrModel: () => EcrRegion;
beforeAll(async () => {
  ({ sandbox, ecrModel } = await startSandboxWithModel());
});
afterAll(() => sandbox.close());

/** Seed images pushed `ageDays` ago (in table order), returning label → digest. */
async function seed(repositoryName: string, images: Image[]): Promise<Map<string, string>> {
  await createRepository(sandbox, repositoryName);
  const now = await sandbox.control.now();
  const digests = new Map<string, string>();
  for (const [label, tags, ageDays] of images) {
    const { digest } = ecrModel().pushImage({ repositoryName, tags, pushedAt: now - ageDays * DAY, contentSeed: `${repositoryName}/${label}` });
    digests.set(label, digest);
  }
  return digests;
}

const preview = (repositoryName: string, extra: object = {}) =>
  sandbox.ecr.send(new GetLifecyclePolicyPreviewCommand({ repositoryName, ...extra }));

describe("rule semantics", () => {
  it.each(SCENARIOS.map((scenario, i) => [i, ...scenario] as const))("%i: %s", async (i, _name, images, text, expected) => {
    const repositoryName = `scenario-${i}`;
    const digests = await seed(repositoryName, images);
    await sandbox.ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName, lifecyclePolicyText: text }));
    await sandbox.control.advance(5_000);
    const out = await preview(repositoryName);
    expect(out.status).toBe("COMPLETE");
    const labelOf = new Map([...digests].map(([label, digest]) => [digest, label]));
    expect(out.previewResults?.map((r) => [labelOf.get(r.imageDigest ?? ""), r.appliedRulePriority])).toEqual(expected);
    expect(out.summary?.expiringImageTotalCount).toBe(expected.length);
  });
});

describe("preview operations", () => {
  const text = policy(rule(1, { tagStatus: "tagged", tagPrefixList: ["prod"], ...count(3) }), rule(2, { tagStatus: "untagged", ...olderThan(1) }));

  it("is IN_PROGRESS, refuses a second start, then COMPLETE with result fields", async () => {
    const images: Image[] = Array.from({ length: 150 }, (_, i) => [`i${i}`, i % 5 === 0 ? [] : [`prod-${i}`], 200 - i]);
    const digests = await seed("previewed", images);
    await expectAwsError(preview("previewed"), "LifecyclePolicyPreviewNotFoundException");
    const started = await sandbox.ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: "previewed", lifecyclePolicyText: text }));
    expect(started).toMatchObject({ registryId: ACCOUNT, repositoryName: "previewed", lifecyclePolicyText: text, status: "IN_PROGRESS" });
    expect(await preview("previewed")).toMatchObject({ status: "IN_PROGRESS", previewResults: [] });
    await expectAwsError(
      sandbox.ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: "previewed" , lifecyclePolicyText: text })),
      "LifecyclePolicyPreviewInProgressException",
    );
    await sandbox.control.advance(5_000);

    const first = await preview("previewed");
    expect(first.status).toBe("COMPLETE");
    expect(first.summary).toEqual({ expiringImageTotalCount: 147 }); // 30 untagged + 117 of 120 prod
    expect(first.previewResults).toHaveLength(100);
    expect(first.previewResults?.[0]).toEqual({
      imageDigest: digests.get("i1"),
      imageTags: ["prod-1"],
      imagePushedAt: expect.any(Date),
      action: { type: "EXPIRE" },
      appliedRulePriority: 1,
      storageClass: "STANDARD",
    });
    const second = await preview("previewed", { nextToken: first.nextToken });
    expect(second.previewResults).toHaveLength(47);
    expect(second.nextToken).toBeUndefined();

    const untagged = await preview("previewed", { filter: { tagStatus: "UNTAGGED" }, maxResults: 100 });
    expect(untagged.previewResults?.every((r) => r.imageTags === undefined && r.appliedRulePriority === 2)).toBe(true);
    expect(untagged.previewResults).toHaveLength(30);
    const byId = await preview("previewed", { imageIds: [{ imageTag: "prod-2" }, { imageDigest: digests.get("i149") }] });
    expect(byId.previewResults?.map((r) => r.imageDigest)).toEqual([digests.get("i2")]);
  });

  it.each([
    [{ maxResults: 101 }, "InvalidParameterException"],
    [{ imageIds: [{ imageTag: "prod-2" }], nextToken: "abc" }, "InvalidParameterException"],
    [{ nextToken: "forged" }, "InvalidParameterException"],
  ])("rejects %j", async (input, code) => {
    await expectAwsError(preview("previewed", input), code);
  });

  it("previews the stored policy when no text is given, and needs one", async () => {
    await seed("stored", [["old", [], 3]]);
    await expectAwsError(
      sandbox.ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: "stored" })),
      "LifecyclePolicyNotFoundException",
      `Lifecycle policy does not exist for the repository with name 'stored' in the registry with id '${ACCOUNT}'`,
    );
    await sandbox.ecr.send(new PutLifecyclePolicyCommand({ repositoryName: "stored", lifecyclePolicyText: text }));
    const started = await sandbox.ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName: "stored" }));
    expect(started.lifecyclePolicyText).toBe(text);
    await sandbox.control.advance(5_000);
    expect((await preview("stored")).summary?.expiringImageTotalCount).toBe(1);
  });
});
