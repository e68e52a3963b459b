// The EcrRegionState contract other parts rely on (sandbox/core/operation.ts): image resolution for ECS,
// CI pushes, crash marks, clock advancing and the snapshot. Driven on the model directly, plus the
// operations with a hand-made RegionWorld where a result has to be read back.
import { beforeEach, describe, expect, it } from "vitest";
import { AwsError } from "../../sandbox/core/aws-error";
import type { RegionWorld } from "../../sandbox/core/operation";
import { ecrOperations } from "../../sandbox/ecr/operations";
import { EcrRegion } from "../../sandbox/ecr/state";
import { imageDetail } from "../../sandbox/ecr/image-detail";
import { imageDetailJson } from "../../sandbox/ecr/image-detail-json";
import { seedScenario } from "../../sandbox/seed/scenarios";
import { serializeBody } from "../../sandbox/wire/serialize";
import { SandboxClock } from "../../sandbox/world/clock";
import { WorldRegistry } from "../../sandbox/world/registry";
import { ACCOUNT, sha256 } from "./ecr-fixtures";

const REGION = "ap-south-1";
const T0 = Date.UTC(2026, 10, 25, 12);
const uri = (suffix: string) => `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${suffix}`;

let ecr: EcrRegion;
beforeEach(() => {
  ecr = new EcrRegion({ account: ACCOUNT, region: REGION });
  ecr.advanceTo(T0);
  ecr.createRepository({ name: "team/api", scanOnPush: true });
});

/** Call an ECR operation as the wire layer does, answer as the client reads it (timestamps in epoch seconds). */
function call(operation: string, input: Record<string, unknown>, now = T0) {
  const world = { account: ACCOUNT, region: REGION, ecr, ecs: {} } as unknown as RegionWorld;
  const run = ecrOperations[operation];
  if (!run) throw new Error(`no ${operation}`);
  return JSON.parse(serializeBody(run(input, { account: ACCOUNT, region: REGION, now, world }))) as unknown;
}

describe("resolveImage", () => {
  it.each([
    ["a tag", "team/api:v1", true],
    ["no tag, meaning latest", "team/api", true],
    ["an unknown tag", "team/api:v2", false],
    ["an unknown repository", "team/web:v1", false],
    ["another account", `999999999999.dkr.ecr.${REGION}.amazonaws.com/team/api:v1`, false],
    ["another region", `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/team/api:v1`, false],
    ["Docker Hub", "nginx:latest", false],
  ])("resolves %s: %s → %s", (_what, reference, resolves) => {
    const { digest } = ecr.pushImage({ repositoryName: "team/api", tags: ["v1", "latest"], contentSeed: "one" });
    const full = reference.includes(".amazonaws.com") || reference.startsWith("nginx") ? reference : uri(reference);
    expect(ecr.resolveImage(full)).toEqual(resolves ? { digest, crashing: false } : undefined);
  });

  it("resolves by digest and reports crash marks", () => {
    const { digest } = ecr.pushImage({ repositoryName: "team/api", tags: ["v1"], crashing: true });
    expect(ecr.resolveImage(uri(`team/api@${digest}`))).toEqual({ digest, crashing: true });
    expect(ecr.markCrashing("team/api", "v1", false)).toEqual({ digest });
    expect(ecr.resolveImage(uri("team/api:v1"))).toEqual({ digest, crashing: false });
    expect(ecr.resolveImage(uri(`team/api@sha256:${"0".repeat(64)}`))).toBeUndefined();
  });

  it("records the pull time DescribeImages reports", () => {
    ecr.pushImage({ repositoryName: "team/api", tags: ["v1"] });
    ecr.advanceTo(T0 + 60_000);
    ecr.resolveImage(uri("team/api:v1"));
    const out = call("DescribeImages", { repositoryName: "team/api" }) as { imageDetails: { lastRecordedPullTime?: number }[] };
    expect(out.imageDetails[0]?.lastRecordedPullTime).toBe((T0 + 60_000) / 1000);
  });
});

describe("DescribeImages after an earlier read (image details are cached as wire JSON)", () => {
  type Details = { imageDetails: { imageDigest: string; imageTags?: string[]; imageScanStatus?: { status: string }; imageScanFindingsSummary?: object; lastRecordedPullTime?: number }[] };
  const describe = (now = T0) => call("DescribeImages", { repositoryName: "team/api" }, now) as Details;
  const byDigest = (out: Details, digest: string) => out.imageDetails.find((d) => d.imageDigest === digest);

  it("shows tags a later push moved away, and the new pull time", () => {
    const old = ecr.pushImage({ repositoryName: "team/api", tags: ["v1", "latest"], contentSeed: "old" });
    expect(byDigest(describe(), old.digest)?.imageTags).toEqual(["v1", "latest"]);
    ecr.pushImage({ repositoryName: "team/api", tags: ["v2", "latest"], contentSeed: "new" });
    expect(byDigest(describe(), old.digest)?.imageTags).toEqual(["v1"]);
    ecr.advanceTo(T0 + 60_000);
    ecr.resolveImage(uri("team/api:v1"));
    expect(byDigest(describe(), old.digest)?.lastRecordedPullTime).toBe((T0 + 60_000) / 1000);
  });

  it("shows a scan complete once the clock passes its completion", () => {
    // The repository scans on push: the scan starts at T0 and completes a few seconds later.
    const { digest } = ecr.pushImage({ repositoryName: "team/api", tags: ["v1"], contentSeed: "scan" });
    const running = byDigest(describe(), digest);
    expect(running?.imageScanStatus?.status).toBe("IN_PROGRESS");
    expect(running?.imageScanFindingsSummary).toBeUndefined();
    const done = byDigest(describe(T0 + 3_600_000), digest);
    expect(done?.imageScanStatus?.status).toBe("COMPLETE");
    expect(done?.imageScanFindingsSummary).toBeDefined();
  });
});

describe("pushImage", () => {
  it("derives the digest from the manifest built from the content seed", () => {
    const first = ecr.pushImage({ repositoryName: "team/api", tags: ["a"], contentSeed: "seed-1", sizeInBytes: 30_000_000 });
    const again = ecr.pushImage({ repositoryName: "team/api", tags: ["b"], contentSeed: "seed-1", sizeInBytes: 30_000_000 });
    expect(again.digest).toBe(first.digest);
    const out = call("BatchGetImage", { repositoryName: "team/api", imageIds: [{ imageTag: "b" }] }) as { images: { imageManifest: string }[] };
    const manifest = out.images[0]?.imageManifest ?? "";
    expect(sha256(manifest)).toBe(first.digest);
    expect(JSON.parse(manifest)).toMatchObject({ schemaVersion: 2, mediaType: "application/vnd.docker.distribution.manifest.v2+json" });
    const detail = call("DescribeImages", { repositoryName: "team/api" }) as { imageDetails: { imageTags?: string[]; imageSizeInBytes?: number }[] };
    expect(detail.imageDetails).toEqual([expect.objectContaining({ imageTags: ["a", "b"], imageSizeInBytes: 30_000_000 })]);
  });

  it("moves existing tags to the new image, as docker push does", () => {
    const old = ecr.pushImage({ repositoryName: "team/api", tags: ["prod-1", "latest"], contentSeed: "old" });
    const next = ecr.pushImage({ repositoryName: "team/api", tags: ["prod-2", "latest"], contentSeed: "new" });
    expect(ecr.resolveImage(uri("team/api:latest"))?.digest).toBe(next.digest);
    expect(ecr.resolveImage(uri("team/api:prod-1"))?.digest).toBe(old.digest);
  });

  it("completes seeded scans a few seconds after the push time", () => {
    ecr.createRepository({ name: "quiet" });
    ecr.pushImage({ repositoryName: "quiet", tags: ["v1"], pushedAt: T0 - 3_600_000, scanned: true, findings: [{ id: "CVE-1", severity: "LOW", packageName: "p", packageVersion: "1" }] });
    const out = call("DescribeImageScanFindings", { repositoryName: "quiet", imageId: { imageTag: "v1" } }) as {
      imageScanFindings: { imageScanCompletedAt: number; findingSeverityCounts: object };
    };
    expect(out.imageScanFindings.imageScanCompletedAt).toBe((T0 - 3_600_000 + 5_000) / 1000);
    expect(out.imageScanFindings.findingSeverityCounts).toEqual({ LOW: 1 });
  });

  it.each([
    ["an unknown repository", () => ecr.pushImage({ repositoryName: "nope", tags: ["v1"] }), "RepositoryNotFoundException"],
    ["an unknown image", () => ecr.markCrashing("team/api", "missing", true), "ImageNotFoundException"],
    ["an unknown repository's scan type", () => ecr.setScanType("nope", "ENHANCED"), "RepositoryNotFoundException"],
  ])("throws AwsError for %s", (_what, act, code) => {
    expect(act).toThrow(AwsError);
    expect(act).toThrow(expect.objectContaining({ code }));
  });
});

describe("advanceTo and snapshot", () => {
  it("expires on the clock deterministically, and a snapshot summarises each repository", () => {
    const text = JSON.stringify({
      rules: [{ rulePriority: 1, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 } , action: { type: "expire" } }],
    });
    ecr.putLifecyclePolicy("team/api", text);
    // Pushed an hour before the policy: over a day old at the first evaluation, a day after the put.
    ecr.pushImage({ repositoryName: "team/api", tags: [], crashing: true, contentSeed: "bad", pushedAt: T0 - 3_600_000 });
    ecr.pushImage({ repositoryName: "team/api", tags: ["v1"], contentSeed: "good" });
    expect(ecr.snapshot()).toEqual({
      now: T0,
      repositories: [
        {
          repositoryName: "team/api",
          images: 2,
          untaggedImages: 1,
          crashingDigests: [expect.stringMatching(/^sha256:/)],
          archivedImages: [],
          scanOnPush: true,
          scanType: "BASIC",
          lifecyclePolicy: { lastEvaluatedAt: null },
        },
      ],
    });
    ecr.advanceTo(T0 + 86_400_000 - 1);
    expect(ecr.listRepositories()[0]?.images.size).toBe(2);
    ecr.advanceTo(T0 + 86_400_000);
    expect(ecr.listRepositories()[0]?.images.size).toBe(1);
    expect(ecr.snapshot()).toMatchObject({ repositories: [{ images: 1, lifecyclePolicy: { lastEvaluatedAt: T0 + 86_400_000 } }] });
  });
});

describe("image details rendered at seed time", () => {
  // seedScenario renders every seeded image's DescribeImages detail up front; what it cached must be
  // exactly what a fresh render says, then and after the clock has moved on (scans complete, etc.).
  it("match a fresh render right after seeding and a day later", () => {
    const clock = new SandboxClock({ startAt: T0, frozen: true });
    const worlds = new WorldRegistry(clock);
    seedScenario({ clock, worlds }, "demo");
    for (const at of [clock.now(), clock.now() + 86_400_000]) {
      for (const world of worlds.list()) {
        worlds.advance(world, at);
        for (const repo of world.ecr.listRepositories()) {
          for (const image of repo.images.list()) {
            expect(imageDetailJson(image, repo, world.account, at)).toBe(serializeBody(imageDetail(image, repo, world.account, at)));
          }
        }
      }
    }
  });
});
