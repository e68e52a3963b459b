// CreateRepository and DescribeRepositories through the real SDK (aws-behaviour.md §4.1).
import { CreateRepositoryCommand, DescribeRepositoriesCommand, paginateDescribeRepositories } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { ACCOUNT, expectAwsError } from "./ecr-fixtures";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  await sandbox.ecr.send(
    new CreateRepositoryCommand({ repositoryName: "my-api", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } }),
  );
});
afterAll(() => sandbox.close());

describe("CreateRepository", () => {
  it("returns the repository with its ARN, URI and settings", async () => {
    const out = await sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: "team/web" }));
    expect(out.repository).toMatchObject({
      repositoryArn: `arn:aws:ecr:ap-south-1:${ACCOUNT}:repository/team/web`,
      registryId: ACCOUNT,
      repositoryName: "team/web",
      repositoryUri: `${ACCOUNT}.dkr.ecr.ap-south-1.amazonaws.com/team/web`,
      imageTagMutability: "MUTABLE",
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: "AES256" },
    });
    expect(out.repository?.createdAt).toBeInstanceOf(Date);
  });

  it.each([
    ["a", /length greater than or equal to 2/],
    ["x".repeat(257), /length less than or equal to 256/],
    ["My-Api", /must satisfy regular expression/],
    ["api-", /must satisfy regular expression/],
    ["team//web", /must satisfy regular expression/],
  ])("rejects the name %j", async (repositoryName, message) => {
    await expectAwsError(sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName })), "InvalidParameterException", message);
  });

  it("refuses a second repository of the same name", async () => {
    await expectAwsError(
      sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: "my-api" })),
      "RepositoryAlreadyExistsException",
      `The repository with name 'my-api' already exists in the registry with id '${ACCOUNT}'`,
    );
  });
});

describe("DescribeRepositories", () => {
  it("describes named repositories", async () => {
    const out = await sandbox.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ["my-api"] }));
    expect(out.repositories).toEqual([
      expect.objectContaining({ repositoryName: "my-api", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } }),
    ]);
  });

  it("fails the whole call when one name is unknown", async () => {
    await expectAwsError(
      sandbox.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ["my-api", "nope"] })),
      "RepositoryNotFoundException",
      `The repository with name 'nope' does not exist in the registry with id '${ACCOUNT}'`,
    );
  });

  it("pages through every repository", async () => {
    for (const name of ["r-01", "r-02", "r-03", "r-04", "r-05"]) {
      await sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: name }));
    }
    const pages = [];
    for await (const page of paginateDescribeRepositories({ client: sandbox.ecr, pageSize: 2 }, {})) pages.push(page);
    const names = pages.flatMap((page) => page.repositories?.map((r) => r.repositoryName) ?? []);
    expect(names).toEqual(["my-api", "team/web", "r-01", "r-02", "r-03", "r-04", "r-05"]);
    expect(pages.map((page) => page.repositories?.length)).toEqual([2, 2, 2, 1]);
  });

  it.each([
    [{ repositoryNames: ["my-api"], maxResults: 5 }, "InvalidParameterException"],
    [{ maxResults: 1001 }, "InvalidParameterException"],
    [{ registryId: "12345" }, "InvalidParameterException"],
    [{ nextToken: "not-a-token" }, "InvalidParameterException"],
  ])("rejects %j", async (input, code) => {
    await expectAwsError(sandbox.ecr.send(new DescribeRepositoriesCommand(input)), code);
  });

  it("names another registry in the not-found message", async () => {
    await expectAwsError(
      sandbox.ecr.send(new DescribeRepositoriesCommand({ registryId: "999988887777", repositoryNames: ["my-api"] })),
      "RepositoryNotFoundException",
      "The repository with name 'my-api' does not exist in the registry with id '999988887777'",
    );
  });
});
