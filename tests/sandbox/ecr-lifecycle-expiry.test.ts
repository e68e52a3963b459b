// Lifecycle policies really delete images on the sandbox clock (emulator choice in
// sandbox/ecr/lifecycle/schedule.ts: one evaluation per sim day, the first a day after the policy is put).
import { BatchGetImageCommand, GetLifecyclePolicyCommand, ListImagesCommand, PutLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { createRepository, putImage } from "./ecr-fixtures";

const HOUR = 3_600_000;
const REPO = "expiring";
const POLICY = JSON.stringify({
  rules: [
    { rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: 2 }, action: { type: "expire" } },
    { rulePriority: 2, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }, action: { type: "expire" } },
  ],
});

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const listed = async () => (await sandbox.ecr.send(new ListImagesCommand({ repositoryName: REPO }))).imageIds ?? [];
const lastEvaluatedAt = async () => (await sandbox.ecr.send(new GetLifecyclePolicyCommand({ repositoryName: REPO }))).lastEvaluatedAt?.getTime();

it("expires eligible images once a day, starting a day after the policy was put", async () => {
  await createRepository(sandbox, REPO);
  const putAt = await sandbox.control.now();
  await sandbox.ecr.send(new PutLifecyclePolicyCommand({ repositoryName: REPO, lifecyclePolicyText: POLICY }));
  const shas: string[] = [];
  for (let i = 0; i < 4; i++) {
    shas.push((await sandbox.control.push({ repository: REPO })).sha);
    await sandbox.control.advance(HOUR);
  }
  const untagged = await putImage(sandbox, REPO, "dangling");
  expect((await listed()).filter((id) => !id.imageTag)).toEqual([{ imageDigest: untagged }]);

  await sandbox.control.advance(19 * HOUR); // putAt + 23 h: nothing is due yet
  expect(await listed()).toHaveLength(4 * 2 + 1 + 1); // prod- and sha- tags, latest, the untagged image
  expect(await lastEvaluatedAt()).toBeUndefined();

  await sandbox.control.advance(HOUR); // putAt + 24 h: the two oldest prod images go
  expect(await lastEvaluatedAt()).toBe(putAt + 24 * HOUR);
  const afterFirst = await listed();
  expect(afterFirst.filter((id) => id.imageTag?.startsWith("prod-")).map((id) => id.imageTag)).toEqual([`prod-${shas[2]}`, `prod-${shas[3]}`]);
  expect(afterFirst.filter((id) => !id.imageTag)).toEqual([{ imageDigest: untagged }]); // only 20 h old
  const gone = await sandbox.ecr.send(new BatchGetImageCommand({ repositoryName: REPO, imageIds: [{ imageTag: `prod-${shas[0]}` }] }));
  expect(gone.failures?.[0]?.failureCode).toBe("ImageNotFound");

  await sandbox.control.advance(24 * HOUR); // putAt + 48 h: the untagged image is now over a day old
  expect(await lastEvaluatedAt()).toBe(putAt + 48 * HOUR);
  expect((await listed()).filter((id) => !id.imageTag)).toEqual([]);
  expect(await listed()).toHaveLength(2 * 2 + 1);

  await sandbox.control.advance(10 * 24 * HOUR + 5 * HOUR); // a long jump runs one evaluation at the last due time
  expect(await lastEvaluatedAt()).toBe(putAt + 12 * 24 * HOUR);
});
