// PutImage, BatchGetImage, BatchDeleteImage, tag moves and immutability (aws-behaviour.md §4.2).
import {
  BatchDeleteImageCommand,
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImagesCommand,
  ListImagesCommand,
  PutImageCommand,
} from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { ACCOUNT, createRepository, expectAwsError, manifestFor, putImage, sha256 } from "./ecr-fixtures";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const tagsOf = async (repositoryName: string, imageDigest: string) =>
  (await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName, imageIds: [{ imageDigest }] }))).imageDetails?.[0]?.imageTags;

describe("PutImage and BatchGetImage", () => {
  beforeAll(() => createRepository(sandbox, "digests"));

  it("names an image by the sha256 of the manifest BatchGetImage returns", async () => {
    const digest = await putImage(sandbox, "digests", "one", "v1");
    expect(digest).toBe(sha256(manifestFor("one")));
    const out = await sandbox.ecr.send(new BatchGetImageCommand({ repositoryName: "digests", imageIds: [{ imageTag: "v1" }] }));
    expect(out.failures).toEqual([]);
    const [image] = out.images ?? [];
    expect(image?.imageId).toEqual({ imageDigest: digest, imageTag: "v1" });
    expect(sha256(image?.imageManifest ?? "")).toBe(digest);
    expect(image?.imageManifestMediaType).toBe("application/vnd.docker.distribution.manifest.v2+json");
  });

  it("refuses the same digest and tag twice, and an untagged re-put", async () => {
    const digest = await putImage(sandbox, "digests", "twice", "t1");
    const again = sandbox.ecr.send(new PutImageCommand({ repositoryName: "digests", imageManifest: manifestFor("twice"), imageTag: "t1" }));
    await expectAwsError(
      again,
      "ImageAlreadyExistsException",
      `Image with digest '${digest}' and tag 't1' already exists in the repository with name 'digests' in the registry with id '${ACCOUNT}'`,
    );
    await expectAwsError(sandbox.ecr.send(new PutImageCommand({ repositoryName: "digests", imageManifest: manifestFor("twice") })), "ImageAlreadyExistsException");
  });

  it("adds a second tag to an existing digest", async () => {
    const digest = await putImage(sandbox, "digests", "two-tags", "a");
    await putImage(sandbox, "digests", "two-tags", "b");
    expect(await tagsOf("digests", digest)).toEqual(["a", "b"]);
  });

  it.each([
    [{ imageManifest: "not json" }, "InvalidParameterException"],
    [{ imageManifest: manifestFor("x"), imageDigest: `sha256:${"0".repeat(64)}` }, "ImageDigestDoesNotMatchException"],
    [{ imageManifest: manifestFor("x"), imageTag: "t".repeat(301) }, "InvalidParameterException"],
  ])("rejects %j", async (input, code) => {
    await expectAwsError(sandbox.ecr.send(new PutImageCommand({ repositoryName: "digests", ...input })), code);
  });

  it("reports BatchGetImage failures per id", async () => {
    const digest = await putImage(sandbox, "digests", "batch", "batch-tag");
    const out = await sandbox.ecr.send(
      new BatchGetImageCommand({
        repositoryName: "digests",
        imageIds: [{ imageTag: "missing" }, {}, { imageDigest: "bogus" }, { imageDigest: digest, imageTag: "v1" }, { imageDigest: digest }],
      }),
    );
    expect(out.images?.map((image) => image.imageId?.imageDigest)).toEqual([digest]);
    expect(out.failures?.map((failure) => failure.failureCode)).toEqual([
      "ImageNotFound",
      "MissingDigestAndTag",
      "InvalidImageDigest",
      "ImageTagDoesNotMatchDigest",
    ]);
    expect(out.failures?.[0]).toEqual({ imageId: { imageTag: "missing" }, failureCode: "ImageNotFound", failureReason: "Requested image not found" });
  });
});

describe("tag moves", () => {
  it("moves a mutable tag to the newly pushed image, leaving the old one untagged", async () => {
    await createRepository(sandbox, "mutable");
    const first = await putImage(sandbox, "mutable", "m1", "latest");
    const second = await putImage(sandbox, "mutable", "m2", "latest");
    expect(await tagsOf("mutable", first)).toBeUndefined();
    expect(await tagsOf("mutable", second)).toEqual(["latest"]);
    const untagged = await sandbox.ecr.send(new ListImagesCommand({ repositoryName: "mutable", filter: { tagStatus: "UNTAGGED" } }));
    expect(untagged.imageIds).toEqual([{ imageDigest: first }]);
  });

  it("refuses to move a tag in an IMMUTABLE repository", async () => {
    await sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: "immutable", imageTagMutability: "IMMUTABLE" }));
    await putImage(sandbox, "immutable", "i1", "v1");
    await expectAwsError(
      sandbox.ecr.send(new PutImageCommand({ repositoryName: "immutable", imageManifest: manifestFor("i2"), imageTag: "v1" })),
      "ImageTagAlreadyExistsException",
      "The image tag 'v1' already exists in the 'immutable' repository and cannot be overwritten because the repository is immutable.",
    );
  });

  it("lets excluded tags move in IMMUTABLE_WITH_EXCLUSION repositories", async () => {
    await sandbox.ecr.send(
      new CreateRepositoryCommand({
        repositoryName: "mostly-immutable",
        imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
        imageTagMutabilityExclusionFilters: [{ filterType: "WILDCARD", filter: "latest*" }],
      }),
    );
    await putImage(sandbox, "mostly-immutable", "e1", "latest");
    const second = await putImage(sandbox, "mostly-immutable", "e2", "latest");
    expect(await tagsOf("mostly-immutable", second)).toEqual(["latest"]);
    await putImage(sandbox, "mostly-immutable", "e3", "v1");
    const put = sandbox.ecr.send(new PutImageCommand({ repositoryName: "mostly-immutable", imageManifest: manifestFor("e4"), imageTag: "v1" }));
    await expectAwsError(put, "ImageTagAlreadyExistsException");
  });
});

describe("BatchDeleteImage", () => {
  it("removes a tag, the image with its last tag, and whole images by digest", async () => {
    await createRepository(sandbox, "deletes");
    const multi = await putImage(sandbox, "deletes", "d1", "a");
    await putImage(sandbox, "deletes", "d1", "b");
    const single = await putImage(sandbox, "deletes", "d2", "only");
    const byDigest = await putImage(sandbox, "deletes", "d3", "x");
    await putImage(sandbox, "deletes", "d3", "y");

    const out = await sandbox.ecr.send(
      new BatchDeleteImageCommand({
        repositoryName: "deletes",
        imageIds: [{ imageTag: "a" }, { imageTag: "only" }, { imageDigest: byDigest }, { imageTag: "gone" }],
      }),
    );
    expect(out.imageIds).toEqual([
      { imageDigest: multi, imageTag: "a" },
      { imageDigest: single, imageTag: "only" },
      { imageDigest: byDigest, imageTag: "x" },
      { imageDigest: byDigest, imageTag: "y" },
    ]);
    expect(out.failures).toEqual([{ imageId: { imageTag: "gone" }, failureCode: "ImageNotFound", failureReason: "Requested image not found" }]);
    const left = await sandbox.ecr.send(new ListImagesCommand({ repositoryName: "deletes" }));
    expect(left.imageIds).toEqual([{ imageDigest: multi, imageTag: "b" }]);
  });

  it("answers RepositoryNotFoundException for an unknown repository", async () => {
    await expectAwsError(
      sandbox.ecr.send(new BatchDeleteImageCommand({ repositoryName: "nowhere", imageIds: [{ imageTag: "a" }] })),
      "RepositoryNotFoundException",
      `The repository with name 'nowhere' does not exist in the registry with id '${ACCOUNT}'`,
    );
  });
});
