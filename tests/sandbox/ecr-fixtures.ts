// Shared set-up for the ECR sandbox tests: manifests, pushes through the real SDK, error matching.
import { createHash } from "node:crypto";
import { CreateRepositoryCommand, ECRClient, PutImageCommand } from "@aws-sdk/client-ecr";
import { ECSClient } from "@aws-sdk/client-ecs";
import { expect } from "vitest";
import type { EcrRegion } from "../../sandbox/ecr/state";
import { startSandbox } from "../../sandbox/server";
import { SandboxControl, TEST_CREDENTIALS, TEST_REGION, type TestSandbox } from "../support/sandbox";

export const ACCOUNT = "123456789012";

/** A Docker v2 manifest distinguished by `seed`, as a CI build would produce. */
export function manifestFor(seed: string): string {
  const digest = (part: string) => `sha256:${createHash("sha256").update(`${seed}/${part}`).digest("hex")}`;
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.docker.distribution.manifest.v2+json",
    config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 1_000, digest: digest("config") },
    layers: [{ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: 9_000, digest: digest("layer") }],
  });
}

export const sha256 = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

export async function createRepository(sandbox: TestSandbox, repositoryName: string, scanOnPush = false): Promise<void> {
  await sandbox.ecr.send(new CreateRepositoryCommand({ repositoryName, imageScanningConfiguration: { scanOnPush } }));
}

/** PutImage of `seed`'s manifest; returns the digest ECR assigned. */
export async function putImage(sandbox: TestSandbox, repositoryName: string, seed: string, imageTag?: string): Promise<string> {
  const out = await sandbox.ecr.send(new PutImageCommand({ repositoryName, imageManifest: manifestFor(seed), imageTag }));
  return out.image?.imageId?.imageDigest ?? "";
}

/** Push `count` images (in order, `tagOf` naming each one's tag or none). */
export async function putImages(
  sandbox: TestSandbox,
  repositoryName: string,
  count: number,
  tagOf: (i: number) => string | undefined,
): Promise<string[]> {
  const digests: string[] = [];
  for (let i = 0; i < count; i++) digests.push(await putImage(sandbox, repositoryName, `${repositoryName}-${i}`, tagOf(i)));
  return digests;
}

/** A client that does not retry, for errors SDK v3 treats as throttling (LimitExceededException). */
export function noRetryClient(sandbox: TestSandbox): ECRClient {
  return new ECRClient({ endpoint: sandbox.endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
}

export async function expectAwsError(call: Promise<unknown>, code: string, message?: string | RegExp): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e as { name: string; message: string; $metadata?: { httpStatusCode?: number } },
  );
  expect(error, `expected ${code}`).toBeDefined();
  expect(error?.name).toBe(code);
  expect(error?.$metadata?.httpStatusCode).toBe(400);
  if (typeof message === "string") expect(error?.message).toBe(message);
  else if (message) expect(error?.message).toMatch(message);
}

/**
 * A sandbox started like startTestSandbox, plus the ECR model of the test account and region, for the
 * few settings no AWS call or control endpoint changes (the repository's scan type).
 */
export async function startSandboxWithModel(): Promise<{ sandbox: TestSandbox; ecrModel: () => EcrRegion }> {
  const running = await startSandbox({ port: 0, scenario: "empty", frozen: true });
  const config = { endpoint: running.url, region: TEST_REGION, credentials: TEST_CREDENTIALS };
  const ecs = new ECSClient(config);
  const ecr = new ECRClient(config);
  const sandbox: TestSandbox = {
    endpoint: running.url,
    port: running.port,
    ecs,
    ecr,
    control: new SandboxControl(running.url),
    close: async () => {
      ecs.destroy();
      ecr.destroy();
      await running.close();
    },
  };
  return { sandbox, ecrModel: () => running.runtime.worlds.get(ACCOUNT, TEST_REGION).ecr };
}
