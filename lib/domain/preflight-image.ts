// Image and scan checks of a preflight, one container at a time: the image exists with the expected
// digest, can be pulled (ACTIVE, not archived, §8.5), is not about to expire, and passes the scan gate.
import type { CheckStatus, PreflightCheck, PreflightFacts, TargetImageFacts } from "./preflight-types";
import { SEVERITY_ORDER } from "./severity";
import type { SeverityCounts } from "./types";

const check = (status: CheckStatus, t: TargetImageFacts, message: string, id: PreflightCheck["id"] = "image"): PreflightCheck => ({ id, status, message, container: t.container });

function countsText(counts: SeverityCounts | undefined): string {
  if (!counts) return "unknown";
  const parts = SEVERITY_ORDER.flatMap((s) => ((counts[s] ?? 0) > 0 ? [`${counts[s]} ${s}`] : []));
  return parts.length > 0 ? parts.join(", ") : "no findings";
}

function expiryText(t: TargetImageFacts): string | undefined {
  const risk = t.expiry;
  if (!risk) return undefined;
  if (risk.kind === "expiring") return `lifecycle rule ${risk.rulePriority} expires it at its next run`;
  return `lifecycle rule ${risk.rulePriority} expires it ${risk.after === "next-push" ? "after the next push" : "within a day"}`;
}

export function imageCheck(t: TargetImageFacts): PreflightCheck {
  if (!t.found) return check("block", t, `${t.image} is not in ECR (deleted, expired or never pushed): tasks could not pull it.`);
  if (t.expectedDigest && t.actualDigest && t.expectedDigest !== t.actualDigest) {
    return check("block", t, `The tag moved: ${t.repository} now points at ${t.actualDigest}, not ${t.expectedDigest}. Reload the plan.`);
  }
  if (t.imageStatus === "ARCHIVED") {
    const restore = `aws ecr update-image-storage-class --repository-name ${t.repository} --image-id imageDigest=${t.actualDigest ?? t.expectedDigest ?? "<digest>"} --target-storage-class STANDARD`;
    return check("block", t, `${t.image} is ARCHIVED and cannot be pulled. Restore it (${restore}; about 20 minutes), then try again.`);
  }
  if (t.imageStatus === "ACTIVATING") return check("block", t, `${t.image} is being restored from archive; try again once it is ACTIVE (about 20 minutes).`);
  if (t.imageStatus !== undefined && t.imageStatus !== "ACTIVE") return check("block", t, `${t.image} is ${t.imageStatus} in ECR, not ACTIVE.`);
  const expiry = expiryText(t);
  if (expiry) return check("warn", t, `${t.image} exists, but ${expiry}; new tasks could not start after that. Tag it outside the policy to keep it.`);
  return check("ok", t, `${t.image} exists in ECR and can be pulled.`);
}

export function scanCheck(t: TargetImageFacts, facts: PreflightFacts): { check: PreflightCheck; overridden: boolean } {
  const side = `target: ${countsText(t.scan)}; running now: ${countsText(t.runningScan)}`;
  const critical = t.scan?.CRITICAL ?? 0;
  if (critical > 0) {
    const reason = facts.override?.scanGate?.trim();
    if (reason === undefined) return { check: check("block", t, `CRITICAL findings in the target (${side}). An admin may override with a reason.`, "scan-gate"), overridden: false };
    if (facts.role !== "admin") return { check: check("block", t, `Only an admin may override the scan gate; you are ${facts.role} (${side}).`, "scan-gate"), overridden: false };
    if (reason === "") return { check: check("block", t, `An override of the scan gate needs a reason (${side}).`, "scan-gate"), overridden: false };
    return { check: check("warn", t, `CRITICAL findings overridden by an admin: "${reason}" (${side}).`, "scan-gate"), overridden: true };
  }
  if (t.scanStatus !== undefined && t.scanStatus !== "COMPLETE" && t.scanStatus !== "ACTIVE") {
    return { check: check("warn", t, `The target's scan is ${t.scanStatus}: its findings are unknown (running now: ${countsText(t.runningScan)}).`, "scan-gate"), overridden: false };
  }
  if (!t.scan) return { check: check("warn", t, `The target has no scan results: its findings are unknown (running now: ${countsText(t.runningScan)}).`, "scan-gate"), overridden: false };
  const worse = (t.scan.HIGH ?? 0) > (t.runningScan?.HIGH ?? 0);
  return { check: check(worse ? "warn" : "ok", t, `${worse ? "More HIGH findings than what runs now" : "No CRITICAL findings"} (${side}).`, "scan-gate"), overridden: false };
}
