// The suggested rollback target: the last revision that ran successfully before the current one, read
// from ECS's completed service deployments (§8.1). Not blindly revision N-1: after a circuit-breaker
// rollback, N-1 is the broken one. Revisions a deployment was rolled back or stopped from are skipped,
// as are revisions our own rollbacks moved away from (the store knows those; ECS calls them SUCCESSFUL),
// and revisions that run exactly the images running now (going there changes nothing the user is fleeing).
import type { ServiceDeploymentRecord } from "./types";
import { taskDefinitionLabel as label } from "./arn";

export interface SuggestionInput {
  /** The service's deployments as ListServiceDeployments/DescribeServiceDeployments report them, any order. */
  deployments: readonly ServiceDeploymentRecord[];
  currentTaskDefinitionArn: string;
  /** Task definitions our earlier rollbacks left because they were bad. */
  rolledBackFrom?: readonly string[];
  /** Task definitions known to run the same images as the current one (runsSameImages). */
  sameImagesAsCurrent?: readonly string[];
}

/** True when two revisions run the same image in every container (by name): rolling between them changes no code. */
export function runsSameImages(a: ReadonlyArray<{ name: string; image: string }>, b: ReadonlyArray<{ name: string; image: string }>): boolean {
  if (a.length !== b.length) return false;
  const images = new Map(a.map((c) => [c.name, c.image]));
  return b.every((c) => images.get(c.name) === c.image);
}

export type Suggestion =
  | { found: true; taskDefinitionArn: string; serviceDeploymentArn: string; finishedAt?: Date; reason: string }
  | { found: false; reason: string };

const ROLLED_BACK = new Set(["ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED", "STOP_REQUESTED", "STOPPED"]);

const when = (d: ServiceDeploymentRecord) => (d.finishedAt ?? d.createdAt ?? d.startedAt)?.getTime() ?? 0;
const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The deployment that put the current revision in place: its own success, or a rollback back to it. */
function putsCurrentInPlace(d: ServiceDeploymentRecord, current: string): boolean {
  if (d.status === "SUCCESSFUL") return d.targetTaskDefinitionArn === current;
  return d.status === "ROLLBACK_SUCCESSFUL" && d.sourceTaskDefinitionArns.includes(current);
}

export function suggestTarget(input: SuggestionInput): Suggestion {
  const current = input.currentTaskDefinitionArn;
  const newestFirst = [...input.deployments].sort((a, b) => when(b) - when(a));
  const bad = new Set(input.rolledBackFrom ?? []);
  for (const d of newestFirst) if (ROLLED_BACK.has(d.status) && d.targetTaskDefinitionArn) bad.add(d.targetTaskDefinitionArn);

  const same = new Set(input.sameImagesAsCurrent ?? []);

  const boundary = newestFirst.findIndex((d) => putsCurrentInPlace(d, current));
  const skipped = new Set<string>();
  const unchanged = new Set<string>();
  for (const d of newestFirst.slice(boundary + 1)) {
    const target = d.targetTaskDefinitionArn;
    if (d.status !== "SUCCESSFUL" || !target || target === current) continue;
    if (bad.has(target)) {
      skipped.add(label(target));
      continue;
    }
    if (same.has(target)) {
      unchanged.add(label(target));
      continue;
    }
    const finished = d.finishedAt ? ` until ${utcMinute(d.finishedAt)}` : "";
    const skips =
      (skipped.size > 0 ? `; skipped ${[...skipped].join(", ")}, rolled back or stopped since` : "") +
      (unchanged.size > 0 ? `; skipped ${[...unchanged].join(", ")}, same images as now` : "");
    return {
      found: true,
      taskDefinitionArn: target,
      serviceDeploymentArn: d.arn,
      ...(d.finishedAt && { finishedAt: d.finishedAt }),
      reason: `${label(target)} is the last revision that deployed successfully before ${label(current)}${finished}${skips}.`,
    };
  }
  return {
    found: false,
    reason:
      input.deployments.length === 0
        ? "ECS has no service-deployment history for this service (it keeps 90 days), so there is no known-good version to suggest; pick a revision or image."
        : `No successful deployment of another revision before ${label(current)} is on record; pick a revision or image.`,
  };
}
