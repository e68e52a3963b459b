// The /_sandbox/ control API: validation of every body, and the deterministic changes it makes.
import { CreateRepositoryCommand, DescribeImagesCommand } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.control.reset("empty"));

async function send(method: string, path: string, body?: string) {
  const response = await fetch(`${sandbox.endpoint}${path}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("validation", () => {
  it.each([
    ["POST", "/_sandbox/reset", '{"scenario":"moon"}', 400],
    ["POST", "/_sandbox/reset", "{broken", 400],
    ["POST", "/_sandbox/reset", '{"scenario":"empty","extra":1}', 400],
    ["POST", "/_sandbox/seed", "{}", 400],
    ["POST", "/_sandbox/seed", '{"scenario":"demo","options":{"clusters":3}}', 400],
    ["POST", "/_sandbox/seed", '{"scenario":"scale","options":{"clusters":0}}', 400],
    ["POST", "/_sandbox/seed", '{"scenario":"scale","options":{"clusters":100,"servicesPerCluster":200}}', 400],
    ["POST", "/_sandbox/clock", '{"advanceMs":-5}', 400],
    ["POST", "/_sandbox/clock", '{"advanceMs":"soon"}', 400],
    ["POST", "/_sandbox/clock", '{"freeze":true,"resume":true}', 400],
    ["PUT", "/_sandbox/faults", '{"rules":{"*":{"errorRate":2}}}', 400],
    ["PUT", "/_sandbox/faults", '{"rules":{"describe services":{}}}', 400],
    ["PUT", "/_sandbox/faults", '{"rules":{"*":{"throttle":"azure"}}}', 400],
    ["PUT", "/_sandbox/faults", "[]", 400],
    ["POST", "/_sandbox/push", '{"repository":"web","sha":"xyz"}', 400],
    ["POST", "/_sandbox/push", '{"sha":"0000000000000000000000000000000000000000"}', 400],
    ["POST", "/_sandbox/push", '{"repository":"web","findings":[{"id":"CVE-1","severity":"DIRE"}]}', 400],
    ["POST", "/_sandbox/push", '{"repository":"does-not-exist"}', 400],
    ["POST", "/_sandbox/crash", '{"repository":"web","image":"latest"}', 400],
    ["GET", "/_sandbox/state?account=12", undefined, 400],
    ["GET", "/_sandbox/state?region=Mars", undefined, 400],
    ["GET", "/_sandbox/nowhere", undefined, 404],
    ["DELETE", "/_sandbox/reset", undefined, 405],
  ])("%s %s %s → %i with a message", async (method, path, body, status) => {
    const response = await send(method, path, body);
    expect(response.status).toBe(status);
    expect(typeof response.body.error).toBe("string");
    expect(response.body.error).not.toMatch(/\n\s+at /);
  });
});

describe("clock", () => {
  it("is frozen for tests and moves exactly by the advance asked for", async () => {
    const before = await sandbox.control.now();
    const after = await sandbox.control.advance(90_000);
    expect(after).toMatchObject({ now: before + 90_000, frozen: true });
    expect(await sandbox.control.now()).toBe(before + 90_000);
  });

  it("resumes and freezes", async () => {
    expect((await sandbox.control.resume()).frozen).toBe(false);
    expect((await sandbox.control.freeze()).frozen).toBe(true);
  });
});

describe("push and crash", () => {
  beforeEach(() => sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: "web" })));

  it("tags a pushed image like CI and moves latest", async () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const pushed = await sandbox.control.push({ repository: "web", sha });
    expect(pushed).toMatchObject({ sha, tags: [`prod-${sha}`, "sha-0123456", "latest"] });
    expect(pushed.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const second = await sandbox.control.push({ repository: "web" });
    expect(second.sha).toMatch(/^[0-9a-f]{40}$/);
    const images = await sandbox.ecr.send(new DescribeImagesCommand({ repositoryName: "web", imageIds: [{ imageTag: "latest" }] }));
    expect(images.imageDetails?.[0]?.imageDigest).toBe(second.digest);
  });

  it("generates the same SHAs after a reset (deterministic pushes)", async () => {
    const first = await sandbox.control.push({ repository: "web" });
    await sandbox.control.reset("empty");
    await sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: "web" }));
    expect((await sandbox.control.push({ repository: "web" })).sha).toBe(first.sha);
  });

  it("marks an image as crashing by tag or digest, and reports unknown images", async () => {
    const pushed = await sandbox.control.push({ repository: "web" });
    await expect(sandbox.control.markCrashing({ repository: "web", image: "latest", crashing: true })).resolves.toMatchObject({
      digest: pushed.digest,
    });
    await expect(sandbox.control.markCrashing({ repository: "web", image: pushed.digest, crashing: false })).resolves.toMatchObject({
      digest: pushed.digest,
    });
    await expect(sandbox.control.markCrashing({ repository: "web", image: "v404", crashing: true })).rejects.toMatchObject({ status: 400 });
  });
});

describe("state and reset", () => {
  it("reports the clock, the scenario and the models, and reset empties them", async () => {
    await sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName: "web" }));
    const state = await sandbox.control.state();
    expect(state).toMatchObject({ scenario: "empty", account: "123456789012", region: "ap-south-1" });
    expect(JSON.stringify(state.ecr)).toContain("web");
    await sandbox.control.reset("empty");
    expect(JSON.stringify((await sandbox.control.state()).ecr)).not.toContain("web");
  });
});
