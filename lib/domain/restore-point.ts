// What one service ran at a moment T, from its completed deployments (ECS's service-deployment history,
// plus our own operations where ECS has no record of them). "Ran" means settled: a rollout still in
// progress at T had not replaced what was running, so the revision it started from is what ran.
// Pure: lib/deploy gathers the records, this decides.
import { taskDefinitionLabel as label } from "./arn";
import type { ServiceDeploymentRecord } from "./types";

export type RanAt =
  | {
      known: true;
      taskDefinitionArn: string;
      /** When that revision was put in place, if the record says; absent when read from a later deployment's source. */
      since?: Date;
      /** A rollout that was still in progress at T (its target had not replaced what ran). */
      inProgressAt?: string;
    }
  | { known: false; why: string };

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const time = (d: Date | undefined) => d?.getTime() ?? Number.NaN;

/** The revision a finished deployment left running: its target on success, its one source after a rollback. */
function leftRunning(d: ServiceDeploymentRecord): string | "unknown" | "skip" {
  if (d.status === "SUCCESSFUL") return d.targetTaskDefinitionArn ?? "unknown";
  if (d.status === "ROLLBACK_SUCCESSFUL") return d.sourceTaskDefinitionArns.length === 1 ? (d.sourceTaskDefinitionArns[0] ?? "unknown") : "unknown";
  // Superseded by a newer deployment, which says what it started from.
  if (d.status === "STOPPED") return "skip";
  return "unknown";
}

function inProgressAt(records: readonly ServiceDeploymentRecord[], at: Date): string | undefined {
  const rolling = records.find((d) => time(d.createdAt) <= at.getTime() && !(time(d.finishedAt) <= at.getTime()) && d.targetTaskDefinitionArn);
  return rolling?.targetTaskDefinitionArn && label(rolling.targetTaskDefinitionArn);
}

export function ranAt(records: readonly ServiceDeploymentRecord[], at: Date): RanAt {
  const rolling = inProgressAt(records, at);
  const extra = rolling ? { inProgressAt: rolling } : {};
  const finished = records.filter((d) => time(d.finishedAt) <= at.getTime()).sort((a, b) => time(b.finishedAt) - time(a.finishedAt));
  for (const d of finished) {
    const arn = leftRunning(d);
    if (arn === "skip") continue;
    if (arn === "unknown") {
      return { known: false, why: `Its deployment ${d.targetTaskDefinitionArn ? `of ${label(d.targetTaskDefinitionArn)} ` : ""}ended ${d.status} at ${utc(d.finishedAt as Date)}, so what ran at ${utc(at)} is not known.` };
    }
    return { known: true, taskDefinitionArn: arn, ...(d.finishedAt && { since: d.finishedAt }), ...extra };
  }
  // Nothing settled by T: the first deployment not finished by then says what it started from.
  const next = records.filter((d) => !Number.isNaN(time(d.createdAt)) && !(time(d.finishedAt) <= at.getTime())).sort((a, b) => time(a.createdAt) - time(b.createdAt))[0];
  const source = next?.sourceTaskDefinitionArns.length === 1 ? next.sourceTaskDefinitionArns[0] : undefined;
  if (source) return { known: true, taskDefinitionArn: source, ...extra };
  return {
    known: false,
    why: records.length === 0 ? "ECS has no deployment of this service on record (it keeps 90 days), so what it ran then is not known." : `No deployment on record says what it ran at ${utc(at)}.`,
  };
}

export type MomentCheck = { ok: true } | { ok: false; error: string };

/** A restore point must lie inside the recorded history and not after now. */
export function checkRestoreMoment(at: Date, now: Date, historyStart: Date | undefined): MomentCheck {
  if (Number.isNaN(at.getTime())) return { ok: false, error: "at must be an ISO-8601 time" };
  if (at.getTime() > now.getTime()) return { ok: false, error: `${utc(at)} is in the future (now is ${utc(now)}); pick a moment that has passed.` };
  if (!historyStart) return { ok: false, error: "No deployment of this environment is on record (ECS keeps 90 days), so there is no moment to restore to." };
  if (at.getTime() < historyStart.getTime()) {
    return { ok: false, error: `${utc(at)} is before the recorded history, which starts at ${utc(historyStart)} (ECS keeps 90 days); pick a later moment.` };
  }
  return { ok: true };
}

/** The first moment any record of the environment covers. */
export function historyStartOf(records: readonly ServiceDeploymentRecord[]): Date | undefined {
  const times = records.map((d) => time(d.createdAt ?? d.startedAt ?? d.finishedAt)).filter((t) => !Number.isNaN(t));
  return times.length === 0 ? undefined : new Date(Math.min(...times));
}
