// ECR's archive storage class (aws-behaviour.md §8.5) through the real SDK: UpdateImageStorageClass,
// imageStatus ACTIVE → ARCHIVED → ACTIVATING → ACTIVE over 20 sandbox minutes, lastArchivedAt and
// lastActivatedAt, the IMAGE_ARCHIVED scan status, the default ACTIVE-only listing, and lifecycle
// policies that neither count nor expire archived images.
import {
  DescribeImagesCommand,
  DescribeImageScanFindingsCommand,
  ListImagesCommand,
  PutLifecyclePolicyCommand,
  UpdateImageStorageClassCommand,
  type ImageIdentifier,
} from "@aws-sdk/client-ecr";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { ACCOUNT, createRepository } from "./ecr-fixtures";

const REPO = "app";
const MINUTE = 60_000;

let sandbox: TestSandbox;
let old: { digest: string; tags: string[] };
let current: { digest: string; tags: string[] };
let t0: number;

const storageClass = (imageId: ImageIdentifier, targetStorageClass: "ARCHIVE" | "STANDARD") =>
  sandbox.ecr.send(new UpdateImageStorageClassCommand({ repositoryName: REPO, imageId, targetStorageClass }));
const detail = async (imageDigest: string) =>
  (await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: REPO, imageIds: [{ imageDigest }] }))).imageDetails?.[0];
const listed = async (imageStatus?: "ACTIVE" | "ARCHIVED" | "ACTIVATING" | "ANY") =>
  (await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: REPO, filter: imageStatus ? { imageStatus } : undefined }))).imageDetails?.map(
    (image) => image.imageDigest,
  );

beforeEach(async () => {
  sandbox = await startTestSandbox();
  await createRepository(sandbox, REPO, true);
  old = await sandbox.control.push({ repository: REPO });
  current = await sandbox.control.push({ repository: REPO });
  await sandbox.control.advance(MINUTE);
  t0 = await sandbox.control.now();
});
afterEach(() => sandbox.close());

describe("archiving", () => {
  it("answers with the new status and hides the image from the default listing", async () => {
    expect((await detail(old.digest))?.imageStatus).toBe("ACTIVE"); // rendered (and cached) before the change
    const answer = await storageClass({ imageTag: old.tags[0] }, "ARCHIVE");
    expect(answer).toMatchObject({ registryId: ACCOUNT, repositoryName: REPO, imageId: { imageDigest: old.digest, imageTag: old.tags[0] }, imageStatus: "ARCHIVED" });

    const archived = await detail(old.digest);
    expect(archived).toMatchObject({ imageStatus: "ARCHIVED", lastArchivedAt: new Date(t0), imageScanStatus: { status: "IMAGE_ARCHIVED" } });
    expect(archived?.lastActivatedAt).toBeUndefined();
    expect(await listed()).toEqual([current.digest]);
    expect(await listed("ACTIVE")).toEqual([current.digest]);
    expect(await listed("ARCHIVED")).toEqual([old.digest]);
    expect(await listed("ANY")).toEqual([old.digest, current.digest]);
    const ids = await sandbox.ecr.send(new ListImagesCommand({ repositoryName: REPO, filter: { imageStatus: "ARCHIVED" } }));
    expect(ids.imageIds?.map((id) => id.imageDigest)).toEqual([old.digest, old.digest]);

    const findings = await sandbox.ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: REPO, imageId: { imageDigest: old.digest } }));
    expect(findings.imageScanStatus?.status).toBe("IMAGE_ARCHIVED");
  });

  it("restores in 20 sandbox minutes: ACTIVATING, then ACTIVE with lastActivatedAt", async () => {
    await storageClass({ imageDigest: old.digest }, "ARCHIVE");
    await sandbox.control.advance(10 * MINUTE);
    expect((await storageClass({ imageDigest: old.digest }, "STANDARD")).imageStatus).toBe("ACTIVATING");
    await sandbox.control.advance(20 * MINUTE - 1);
    expect(await detail(old.digest)).toMatchObject({ imageStatus: "ACTIVATING", imageScanStatus: { status: "IMAGE_ARCHIVED" } });
    expect(await listed("ACTIVATING")).toEqual([old.digest]);

    await sandbox.control.advance(1);
    const restored = await detail(old.digest);
    expect(restored).toMatchObject({
      imageStatus: "ACTIVE",
      lastArchivedAt: new Date(t0),
      lastActivatedAt: new Date(t0 + 30 * MINUTE),
      imageScanStatus: { status: "COMPLETE" },
    });
    expect(await listed()).toEqual([old.digest, current.digest]);

    await sandbox.control.advance(MINUTE);
    await storageClass({ imageDigest: old.digest }, "ARCHIVE");
    expect(await detail(old.digest)).toMatchObject({ imageStatus: "ARCHIVED", lastArchivedAt: new Date(t0 + 31 * MINUTE), lastActivatedAt: new Date(t0 + 30 * MINUTE) });
  });
});

describe("refusals", () => {
  it.each([
    ["STANDARD of an ACTIVE image", [], "STANDARD", "ImageStorageClassUpdateNotSupportedException", "already in the STANDARD storage class"],
    ["ARCHIVE of an ARCHIVED image", ["ARCHIVE"], "ARCHIVE", "ImageStorageClassUpdateNotSupportedException", "already in the ARCHIVE storage class"],
    ["ARCHIVE of an ACTIVATING image", ["ARCHIVE", "STANDARD"], "ARCHIVE", "ImageStorageClassUpdateNotSupportedException", "being restored"],
    ["an unknown storage class", [], "GLACIER", "InvalidParameterException", "targetStorageClass must be one of STANDARD, ARCHIVE."],
  ] as const)("refuses %s and changes nothing", async (_case, before, target, code, message) => {
    for (const step of before) await storageClass({ imageDigest: old.digest }, step);
    const status = (await detail(old.digest))?.imageStatus;
    const error = await storageClass({ imageDigest: old.digest }, target as "ARCHIVE").catch((e: Error) => e);
    expect(error).toMatchObject({ name: code });
    expect((error as Error).message).toContain(message);
    expect((await detail(old.digest))?.imageStatus).toBe(status);
  });

  it("refuses an unknown image with ImageNotFoundException", async () => {
    await expect(storageClass({ imageTag: "nope" }, "ARCHIVE")).rejects.toMatchObject({ name: "ImageNotFoundException" });
  });
});

describe("lifecycle policies and archived images", () => {
  it("neither count nor expire archived images (rules select standard storage)", async () => {
    const newest = await sandbox.control.push({ repository: REPO });
    const policy = { rules: [{ rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } }] };
    await sandbox.ecr.send(new PutLifecyclePolicyCommand({ repositoryName: REPO, lifecyclePolicyText: JSON.stringify(policy) }));
    await storageClass({ imageDigest: old.digest }, "ARCHIVE");
    await sandbox.control.advance(24 * 60 * MINUTE);
    expect(await listed("ANY")).toEqual([old.digest, newest.digest]);
  });
});
