// Preflight facts → checks and verdict: image, archive, expiry, scan gate with overrides, locks, stale views.
import { describe, expect, it } from "vitest";
import { decidePreflight, type CheckId, type CheckStatus, type PreflightFacts, type TargetImageFacts } from "@/lib/domain/preflight";
import { DIGEST_A, DIGEST_B, REGISTRY, tdArn } from "./fixtures/task-definition";

const image = (over: Partial<TargetImageFacts> = {}): TargetImageFacts => ({
  container: "app",
  image: `${REGISTRY}/payments@${DIGEST_A}`,
  repository: "payments",
  found: true,
  expectedDigest: DIGEST_A,
  actualDigest: DIGEST_A,
  imageStatus: "ACTIVE",
  scanStatus: "COMPLETE",
  scan: { HIGH: 1, LOW: 3 },
  runningScan: { CRITICAL: 1, HIGH: 2 },
  ...over,
});

function facts(over: Partial<PreflightFacts> = {}): PreflightFacts {
  return {
    role: "deployer",
    unchanged: false,
    images: [image()],
    view: { actualTaskDefinitionArn: tdArn("payments", 9), actualPrimaryDeploymentId: "ecs-svc/9", expectedTaskDefinitionArn: tdArn("payments", 9) },
    ...over,
  };
}

const cases: Array<{ name: string; facts: PreflightFacts; verdict: CheckStatus; check?: [CheckId, CheckStatus, RegExp]; overridden?: boolean }> = [
  { name: "a clean rollback", facts: facts(), verdict: "ok", check: ["scan-gate", "ok", /target: 1 HIGH, 3 LOW; running now: 1 CRITICAL, 2 HIGH/] },
  { name: "a viewer", facts: facts({ role: "viewer" }), verdict: "block", check: ["role", "block", /Viewers may not/] },
  { name: "nothing to deploy", facts: facts({ unchanged: true }), verdict: "block", check: ["change", "block", /already runs payments:9/] },
  { name: "an image gone from ECR", facts: facts({ images: [image({ found: false })] }), verdict: "block", check: ["image", "block", /is not in ECR/] },
  { name: "a tag that moved", facts: facts({ images: [image({ actualDigest: DIGEST_B })] }), verdict: "block", check: ["image", "block", /tag moved: payments now points at sha256:b{64}/] },
  { name: "an archived image", facts: facts({ images: [image({ imageStatus: "ARCHIVED" })] }), verdict: "block", check: ["image", "block", /ARCHIVED .* update-image-storage-class --repository-name payments --image-id imageDigest=sha256:a{64}/] },
  { name: "an image being restored", facts: facts({ images: [image({ imageStatus: "ACTIVATING" })] }), verdict: "block", check: ["image", "block", /being restored/] },
  { name: "an image next in line for expiry", facts: facts({ images: [image({ expiry: { kind: "next-in-line", rulePriority: 1, after: "next-push" } })] }), verdict: "warn", check: ["image", "warn", /rule 1 expires it after the next push/] },
  { name: "an image expiring at the next run", facts: facts({ images: [image({ expiry: { kind: "expiring", rulePriority: 2 } })] }), verdict: "warn", check: ["image", "warn", /rule 2 expires it at its next run/] },
  { name: "CRITICAL in the target", facts: facts({ images: [image({ scan: { CRITICAL: 2 } })] }), verdict: "block", check: ["scan-gate", "block", /CRITICAL findings in the target \(target: 2 CRITICAL; running now: 1 CRITICAL, 2 HIGH\)\. An admin may override/] },
  { name: "CRITICAL overridden by an admin", facts: facts({ role: "admin", override: { scanGate: "INC-42: the fix is in this image" }, images: [image({ scan: { CRITICAL: 2 } })] }), verdict: "warn", check: ["scan-gate", "warn", /overridden by an admin: "INC-42/], overridden: true },
  { name: "a deployer's override is refused", facts: facts({ override: { scanGate: "please" }, images: [image({ scan: { CRITICAL: 2 } })] }), verdict: "block", check: ["scan-gate", "block", /Only an admin may override the scan gate; you are deployer/] },
  { name: "an admin override without a reason", facts: facts({ role: "admin", override: { scanGate: "  " }, images: [image({ scan: { CRITICAL: 1 } })] }), verdict: "block", check: ["scan-gate", "block", /needs a reason/] },
  { name: "an override with nothing to override", facts: facts({ role: "admin", override: { scanGate: "just in case" } }), verdict: "ok", overridden: false },
  { name: "a scan still in progress", facts: facts({ images: [image({ scanStatus: "IN_PROGRESS", scan: undefined })] }), verdict: "warn", check: ["scan-gate", "warn", /scan is IN_PROGRESS: its findings are unknown/] },
  { name: "no scan at all", facts: facts({ images: [image({ scanStatus: undefined, scan: undefined })] }), verdict: "warn", check: ["scan-gate", "warn", /no scan results/] },
  { name: "more HIGH than what runs", facts: facts({ images: [image({ scan: { HIGH: 5 } })] }), verdict: "warn", check: ["scan-gate", "warn", /More HIGH findings/] },
  { name: "our deployment in progress (the lock)", facts: facts({ inProgress: { deploymentId: "ecs-svc/10", ours: true, operationId: "op-1" } }), verdict: "block", check: ["in-progress", "block", /already deploying this service \(operation op-1\), ecs-svc\/10/] },
  { name: "a CI deployment in progress", facts: facts({ inProgress: { deploymentId: "ecs-svc/10", ours: false } }), verdict: "warn", check: ["in-progress", "warn", /not started by Steady State \(ecs-svc\/10/] },
  {
    name: "a stale view of the revision",
    facts: facts({ view: { actualTaskDefinitionArn: tdArn("payments", 10), expectedTaskDefinitionArn: tdArn("payments", 9) } }),
    verdict: "block",
    check: ["stale-view", "block", /changed since you loaded it: it now runs payments:10, you saw payments:9\. Reload/],
  },
  {
    name: "a stale view of the PRIMARY deployment",
    facts: facts({ view: { actualTaskDefinitionArn: tdArn("payments", 9), actualPrimaryDeploymentId: "ecs-svc/11", expectedPrimaryDeploymentId: "ecs-svc/9" } }),
    verdict: "block",
    check: ["stale-view", "block", /PRIMARY deployment is now ecs-svc\/11, you saw ecs-svc\/9/],
  },
  { name: "no expected revision given", facts: facts({ view: { actualTaskDefinitionArn: tdArn("payments", 9) } }), verdict: "ok", check: ["stale-view", "ok", /was not compared/] },
  { name: "a revision target without image changes", facts: facts({ images: [] }), verdict: "ok" },
];

describe("decidePreflight", () => {
  it.each(cases)("$name → $verdict", ({ facts, verdict, check, overridden }) => {
    const result = decidePreflight(facts);
    expect(result.verdict).toBe(verdict);
    if (check) {
      const [id, status, message] = check;
      expect(result.checks.filter((c) => c.id === id && c.status === status).map((c) => c.message)).toContainEqual(expect.stringMatching(message));
    }
    expect(result.scanGateOverridden).toBe(overridden ?? false);
  });

  it("checks every changed container, the sidecar too", () => {
    const result = decidePreflight(facts({ images: [image(), image({ container: "log-router", repository: "log-router", found: false })] }));
    expect(result.checks.filter((c) => c.container === "log-router").map((c) => [c.id, c.status])).toEqual([["image", "block"], ["scan-gate", "ok"]]);
    expect(result.verdict).toBe("block");
  });
});
