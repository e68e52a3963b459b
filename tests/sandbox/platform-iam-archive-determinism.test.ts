// Determinism of the IAM and archive additions: two sandboxes started at the same sandbox time and
// given the same calls at the same times answer byte-for-byte the same (request ids aside).
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { authorizationFor, ECR_TARGET, ECS_TARGET } from "../support/raw-aws";
import { SandboxControl } from "../support/sandbox";

const START = Date.UTC(2026, 10, 25, 9, 0, 0);
const KEY = "AKIAREADONLY0000001";
const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

async function session(): Promise<string[]> {
  const sandbox = await startSandbox({ port: 0, scenario: "demo", frozen: true, startAt: START });
  running.push(sandbox);
  const control = new SandboxControl(sandbox.url);
  const raw = async (target: string, body: object, service = "ecs") => {
    const response = await fetch(sandbox.url, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target, Authorization: authorizationFor(KEY, "ap-south-1", service) },
      body: JSON.stringify(body),
    });
    return `${response.status} ${await response.text()}`;
  };
  const describeImages = () => raw(`${ECR_TARGET}.DescribeImages`, { repositoryName: "payments", filter: { imageStatus: "ANY" }, maxResults: 1000 }, "ecr");
  const answers = [await describeImages()];
  await control.setIam({ identities: { [KEY]: { user: "ro", allow: ["ecs:Describe*", "ecr:Describe*"] } } });
  answers.push(await raw(`${ECS_TARGET}.UpdateService`, { cluster: "production", service: "payments", forceNewDeployment: true }));
  answers.push(await raw(`${ECR_TARGET}.UpdateImageStorageClass`, { repositoryName: "payments", imageId: { imageTag: "latest" }, targetStorageClass: "ARCHIVE" }, "ecr"));
  await control.clearIam();
  answers.push(await raw(`${ECR_TARGET}.UpdateImageStorageClass`, { repositoryName: "payments", imageId: { imageTag: "latest" }, targetStorageClass: "ARCHIVE" }, "ecr"));
  await control.advance(60_000);
  answers.push(await raw(`${ECR_TARGET}.UpdateImageStorageClass`, { repositoryName: "payments", imageId: { imageTag: "latest" }, targetStorageClass: "STANDARD" }, "ecr"));
  await control.advance(10 * 60_000);
  answers.push(await describeImages());
  await control.advance(10 * 60_000);
  answers.push(await describeImages());
  return answers;
}

describe("determinism", () => {
  it("answers the same calls at the same sandbox times byte-for-byte alike", async () => {
    const first = await session();
    const second = await session();
    expect(second).toEqual(first);
    expect(first[1]).toMatch(/^400 .*AccessDeniedException/);
    expect(first[2]).toMatch(/^400 .*ecr:UpdateImageStorageClass on resource: arn:aws:ecr:ap-south-1:123456789012:repository\/payments/);
    expect(first[5]).toContain('"imageStatus":"ACTIVATING"');
    expect(first[6]).not.toContain('"imageStatus":"ACTIVATING"');
  });
});
