// DescribeImages and ListImages paging, filters and id lookups (aws-behaviour.md §1.5, §4.2).
import { DescribeImagesCommand, ListImagesCommand, paginateDescribeImages, paginateListImages } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { ACCOUNT, createRepository, expectAwsError, putImage, putImages } from "./ecr-fixtures";

const REPO = "paged";
const COUNT = 250;
// Every third image is untagged; every tenth carries a second tag.
const tagOf = (i: number) => (i % 3 === 0 ? undefined : `build-${i}`);

let sandbox: TestSandbox;
let digests: string[];
beforeAll(async () => {
  sandbox = await startTestSandbox();
  await createRepository(sandbox, REPO);
  digests = await putImages(sandbox, REPO, COUNT, tagOf);
  for (let i = 10; i < COUNT; i += 10) if (tagOf(i)) await putImage(sandbox, REPO, `${REPO}-${i}`, `extra-${i}`);
});
afterAll(() => sandbox.close());

const untaggedCount = Array.from({ length: COUNT }, (_, i) => i).filter((i) => tagOf(i) === undefined).length;
const extraTags = Array.from({ length: COUNT }, (_, i) => i).filter((i) => i >= 10 && i % 10 === 0 && tagOf(i)).length;

describe("DescribeImages", () => {
  it("pages through every image in push order with the default page of 100", async () => {
    const pages = [];
    for await (const page of paginateDescribeImages({ client: sandbox.ecr }, { repositoryName: REPO })) pages.push(page);
    expect(pages.map((page) => page.imageDetails?.length)).toEqual([100, 100, 50]);
    expect(pages.flatMap((page) => page.imageDetails?.map((d) => d.imageDigest))).toEqual(digests);
    expect(pages.at(-1)?.nextToken).toBeUndefined();
  });

  it.each([
    ["TAGGED", COUNT - untaggedCount],
    ["UNTAGGED", untaggedCount],
    ["ANY", COUNT],
  ] as const)("filters tagStatus %s across pages of 30", async (tagStatus, expected) => {
    let seen = 0;
    for await (const page of paginateDescribeImages({ client: sandbox.ecr, pageSize: 30 }, { repositoryName: REPO, filter: { tagStatus } })) {
      expect(page.imageDetails?.length).toBeLessThanOrEqual(30);
      for (const detail of page.imageDetails ?? []) {
        if (tagStatus === "TAGGED") expect(detail.imageTags?.length).toBeGreaterThan(0);
        if (tagStatus === "UNTAGGED") expect(detail.imageTags).toBeUndefined();
      }
      seen += page.imageDetails?.length ?? 0;
    }
    expect(seen).toBe(expected);
  });

  it("describes images by id, failing the call on one unknown id", async () => {
    const out = await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: REPO, imageIds: [{ imageTag: "build-1" }, { imageDigest: digests[0] }] }));
    expect(out.imageDetails?.map((d) => d.imageDigest)).toEqual([digests[1], digests[0]]);
    await expectAwsError(
      sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: REPO, imageIds: [{ imageTag: "build-1" }, { imageTag: "v9" }] })),
      "ImageNotFoundException",
      `The image with imageId {imageDigest:'null', imageTag:'v9'} does not exist within the repository with name '${REPO}' in the registry with id '${ACCOUNT}'`,
    );
  });

  it("returns the detail fields of §4.2", async () => {
    const out = await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: REPO, imageIds: [{ imageTag: "build-10" }] }));
    expect(out.imageDetails?.[0]).toMatchObject({
      registryId: ACCOUNT,
      repositoryName: REPO,
      imageDigest: digests[10],
      imageTags: ["build-10", "extra-10"],
      imageSizeInBytes: 10_000,
      imageManifestMediaType: "application/vnd.docker.distribution.manifest.v2+json",
      artifactMediaType: "application/vnd.docker.container.image.v1+json",
    });
    expect(out.imageDetails?.[0]?.imagePushedAt).toBeInstanceOf(Date);
  });

  it.each([
    [{ imageIds: [{ imageTag: "build-1" }], maxResults: 10 }, "InvalidParameterException"],
    [{ imageIds: [{ imageTag: "build-1" }], nextToken: "abc" }, "InvalidParameterException"],
    [{ maxResults: 0 }, "InvalidParameterException"],
    [{ maxResults: 1001 }, "InvalidParameterException"],
    [{ imageIds: [] }, "InvalidParameterException"],
    [{ filter: { tagStatus: "SOME" } }, "InvalidParameterException"],
  ])("rejects %j", async (input, code) => {
    // Cast: the SDK's types already forbid some of these, but it sends them unchecked (§1.2).
    await expectAwsError(sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: REPO, ...(input as object) })), code);
  });

  it("rejects a token replayed against another filter", async () => {
    const first = await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: REPO, maxResults: 5 }));
    const replay = sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: REPO, nextToken: first.nextToken, filter: { tagStatus: "TAGGED" } }));
    await expectAwsError(replay, "InvalidParameterException", "The specified nextToken is invalid.");
  });
});

describe("ListImages", () => {
  it("lists one entry per tag and untagged images once, across pages", async () => {
    const ids = [];
    for await (const page of paginateListImages({ client: sandbox.ecr, pageSize: 70 }, { repositoryName: REPO })) {
      expect(page.imageIds?.length).toBeLessThanOrEqual(70);
      ids.push(...(page.imageIds ?? []));
    }
    expect(ids).toHaveLength(COUNT + extraTags);
    expect(ids.filter((id) => id.imageDigest === digests[10])).toEqual([
      { imageDigest: digests[10], imageTag: "build-10" },
      { imageDigest: digests[10], imageTag: "extra-10" },
    ]);
    expect(ids.filter((id) => id.imageDigest === digests[0])).toEqual([{ imageDigest: digests[0] }]);
  });

  it.each([
    ["TAGGED", COUNT - untaggedCount + extraTags],
    ["UNTAGGED", untaggedCount],
  ] as const)("filters tagStatus %s", async (tagStatus, expected) => {
    const out = await sandbox.ecr.send(new ListImagesCommand({ repositoryName: REPO, filter: { tagStatus }, maxResults: 1000 }));
    expect(out.imageIds).toHaveLength(expected);
    expect(out.nextToken).toBeUndefined();
  });
});
