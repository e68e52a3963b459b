// What the plan page hands the confirm form: the hidden fields (the exact target shown, the idempotency
// key, the task definition and deployment the plan saw), whether confirm is blocked and why, whether
// to offer the admin's scan-gate override, and the scan counts of target vs running per container.
import type { Role } from "@/lib/domain/roles";
import type { PlanView, TargetInput } from "@/lib/deploy";
import type { ServiceDetail } from "@/lib/queries/types";
import type { ContainerImages } from "./candidate-targets";
import type { ScanSides } from "./preflight-checks";
import type { PlanAction } from "./target-href";

export function confirmHidden(plan: PlanView, target: TargetInput, action: PlanAction, idempotencyKey: string): Record<string, string> {
  // "Suggested" is pinned to the revision shown, so the confirm cannot deploy a different suggestion.
  const pinned: TargetInput = "suggested" in target && plan.target.taskDefinitionArn ? { revision: plan.target.label } : target;
  const fields: Record<string, string> = { ...plan.service, action, idempotencyKey, expectedTaskDefinition: plan.current.taskDefinitionArn };
  if (plan.current.primaryDeploymentId) fields.expectedPrimaryDeployment = plan.current.primaryDeploymentId;
  if ("revision" in pinned) fields.revision = pinned.revision;
  if ("container" in pinned) fields.container = pinned.container;
  if ("tag" in pinned) fields.tag = pinned.tag;
  if ("digest" in pinned) fields.digest = pinned.digest;
  return fields;
}

export function confirmGate(plan: PlanView, role: Role): { blockedBecause?: string; offerOverride: boolean } {
  const blocking = plan.preflight.checks.filter((c) => c.status === "block");
  const onlyScanGate = blocking.length > 0 && blocking.every((c) => c.id === "scan-gate");
  const offerOverride = onlyScanGate && role === "admin";
  if (blocking.length === 0 || offerOverride) return { offerOverride };
  const because = blocking.map((c) => c.message).join("; ");
  return { offerOverride: false, blockedBecause: onlyScanGate ? `${because} (only an admin may override the scan gate)` : because };
}

export function scanSides(plan: PlanView, detail: ServiceDetail, images: ContainerImages[]): ScanSides[] {
  const byDigest = new Map<string, ScanSides["target"]>();
  for (const group of images) for (const image of group.images) byDigest.set(image.digest, image.scan?.severityCounts);
  for (const revision of detail.revisions) for (const c of revision.containers) if (c.digest && !byDigest.has(c.digest)) byDigest.set(c.digest, c.scan?.severityCounts);
  return plan.target.containers.map((c) => {
    const running = detail.row.containers.find((r) => r.container === c.name)?.runningScan?.severityCounts;
    const target = c.digest ? byDigest.get(c.digest) : undefined;
    return { container: c.name, ...(running && { running }), ...(target && { target }) };
  });
}
