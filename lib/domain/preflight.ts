// The preflight decision shown before anything changes: each check ok, warn or block, and the verdict
// (the worst of them). lib/deploy gathers the facts fresh from AWS and the store; this decides.
import { imageCheck, scanCheck } from "./preflight-image";
import type { CheckStatus, PreflightCheck, PreflightFacts, PreflightResult } from "./preflight-types";
import { taskDefinitionLabel as label } from "./arn";

export type * from "./preflight-types";

const RANK: Record<CheckStatus, number> = { ok: 0, warn: 1, block: 2 };

function roleCheck(facts: PreflightFacts): PreflightCheck {
  if (facts.role === "viewer") return { id: "role", status: "block", message: "Viewers may not roll back or deploy; ask a deployer or an admin." };
  return { id: "role", status: "ok", message: `Allowed for the ${facts.role} role.` };
}

function changeCheck(facts: PreflightFacts): PreflightCheck {
  if (facts.unchanged) return { id: "change", status: "block", message: `The service already runs ${label(facts.view.actualTaskDefinitionArn)}; there is nothing to deploy.` };
  return { id: "change", status: "ok", message: `The service runs ${label(facts.view.actualTaskDefinitionArn)} now.` };
}

function staleViewCheck({ view }: PreflightFacts): PreflightCheck {
  const changes: string[] = [];
  if (view.expectedTaskDefinitionArn !== undefined && view.expectedTaskDefinitionArn !== view.actualTaskDefinitionArn) {
    changes.push(`it now runs ${label(view.actualTaskDefinitionArn)}, you saw ${label(view.expectedTaskDefinitionArn)}`);
  }
  if (view.expectedPrimaryDeploymentId !== undefined && view.expectedPrimaryDeploymentId !== view.actualPrimaryDeploymentId) {
    changes.push(`its PRIMARY deployment is now ${view.actualPrimaryDeploymentId ?? "none"}, you saw ${view.expectedPrimaryDeploymentId}`);
  }
  if (changes.length > 0) return { id: "stale-view", status: "block", message: `The service changed since you loaded it: ${changes.join("; ")}. Reload and check the plan again.` };
  const checked = view.expectedTaskDefinitionArn !== undefined || view.expectedPrimaryDeploymentId !== undefined;
  return { id: "stale-view", status: "ok", message: checked ? "The service is as you saw it." : "No expected revision was given, so the view was not compared." };
}

function inProgressCheck({ inProgress }: PreflightFacts): PreflightCheck {
  if (!inProgress) return { id: "in-progress", status: "ok", message: "No other deployment is in progress." };
  if (inProgress.ours) {
    const op = inProgress.operationId ? ` (operation ${inProgress.operationId})` : "";
    return { id: "in-progress", status: "block", message: `Steady State is already deploying this service${op}, ${inProgress.deploymentId}; wait for it or stop it.` };
  }
  return { id: "in-progress", status: "warn", message: `A deployment not started by Steady State (${inProgress.deploymentId}, e.g. CI) is in progress; this one replaces it.` };
}

export function decidePreflight(facts: PreflightFacts): PreflightResult {
  const checks = [roleCheck(facts), changeCheck(facts), staleViewCheck(facts), inProgressCheck(facts)];
  let scanGateOverridden = false;
  for (const image of facts.images) {
    checks.push(imageCheck(image));
    const scan = scanCheck(image, facts);
    checks.push(scan.check);
    scanGateOverridden ||= scan.overridden;
  }
  const verdict = checks.reduce<CheckStatus>((worst, c) => (RANK[c.status] > RANK[worst] ? c.status : worst), "ok");
  return { verdict, checks, scanGateOverridden };
}
