// The plan page's confirm gate: when confirm is disabled and why, when an admin is offered the scan-gate
// override, which hidden fields pin what the person saw, and the links that re-plan a target.
import { describe, expect, it } from "vitest";
import { confirmGate, confirmHidden } from "@/app/_deploy/confirm-gate";
import { planHref } from "@/app/_deploy/target-href";
import type { PlanView } from "@/lib/deploy";
import type { PreflightCheck } from "@/lib/domain/preflight-types";

const REF = { env: "sandbox", cluster: "production", service: "payments" };
const ARN = "arn:aws:ecs:ap-south-1:123456789012:task-definition/payments:7";

function plan(checks: PreflightCheck[], target: Partial<PlanView["target"]> = {}): PlanView {
  return {
    service: REF,
    current: { taskDefinitionArn: ARN, label: "payments:7", containers: [], primaryDeploymentId: "ecs-svc/1" },
    target: { label: "payments:5", containers: [], ...target },
    preflight: { verdict: "ok", checks, scanGateOverridden: false },
  } as unknown as PlanView;
}

const scanBlock: PreflightCheck = { id: "scan-gate", status: "block", message: "CRITICAL findings in app" };
const lockBlock: PreflightCheck = { id: "in-progress", status: "block", message: "Operation by a@x holds payments" };
const warn: PreflightCheck = { id: "in-progress", status: "warn", message: "CI deployment rolling" };

describe("confirmGate", () => {
  it.each([
    ["nothing blocks", [warn], "deployer", { offerOverride: false }],
    ["scan gate, admin", [scanBlock], "admin", { offerOverride: true }],
    ["scan gate, deployer", [scanBlock], "deployer", { offerOverride: false, blockedBecause: "CRITICAL findings in app (only an admin may override the scan gate)" }],
    ["lock and scan gate, admin", [scanBlock, lockBlock], "admin", { offerOverride: false, blockedBecause: "CRITICAL findings in app; Operation by a@x holds payments" }],
    ["lock, deployer", [lockBlock], "deployer", { offerOverride: false, blockedBecause: "Operation by a@x holds payments" }],
  ] as const)("%s", (_name, checks, role, expected) => {
    expect(confirmGate(plan([...checks]), role)).toEqual(expected);
  });
});

describe("confirmHidden", () => {
  it.each([
    ["suggested is pinned to the revision shown", { suggested: true } as const, { taskDefinitionArn: "arn:x:payments:5" }, { revision: "payments:5" }],
    ["a revision stays", { revision: "payments:3" }, {}, { revision: "payments:3" }],
    ["an image by digest stays", { container: "app", digest: `sha256:${"a".repeat(64)}` }, {}, { container: "app", digest: `sha256:${"a".repeat(64)}` }],
    ["an image by tag stays", { container: "app", tag: "prod-abc1234" }, {}, { container: "app", tag: "prod-abc1234" }],
  ] as const)("%s", (_name, target, planTarget, fields) => {
    const hidden = confirmHidden(plan([], planTarget), target, "rollback", "key-12345678");
    expect(hidden).toEqual({ ...REF, action: "rollback", idempotencyKey: "key-12345678", expectedTaskDefinition: ARN, expectedPrimaryDeployment: "ecs-svc/1", ...fields });
  });
});

describe("planHref", () => {
  it.each([
    [{ suggested: true } as const, "rollback", "/services/sandbox/production/payments/rollback"],
    [{ revision: "payments:3" }, "rollback", "/services/sandbox/production/payments/rollback?revision=payments%3A3"],
    [{ container: "app", tag: "prod-abc" }, "deploy", "/services/sandbox/production/payments/rollback?container=app&tag=prod-abc&action=deploy"],
  ] as const)("%j (%s) → %s", (target, action, href) => {
    expect(planHref(REF, target, action)).toBe(href);
  });
});
