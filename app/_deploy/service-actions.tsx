// The service page's actions, for deployers and admins only (the actions check the role again):
// "Roll back" (the suggested version first) and "Deploy" in the header, and "Stop and roll back" while
// a rollout is in progress. Viewers get none of them.
import { randomUUID } from "node:crypto";
import { Card } from "@/components/ui/card";
import type { ServiceRef } from "@/lib/deploy";
import type { ServiceDetail } from "@/lib/queries/types";
import { StopForm } from "./stop-form";
import { servicePath } from "./target-href";

const LINK = "inline-flex h-11 items-center rounded-md px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent sm:h-8 sm:text-xs";

export function ServiceActionLinks({ serviceRef: ref }: { serviceRef: ServiceRef }) {
  const base = `${servicePath(ref)}/rollback`;
  return (
    <span className="flex gap-2">
      <a href={base} className={`${LINK} bg-accent text-bg hover:bg-accent/90`}>
        Roll back
      </a>
      <a href={`${base}?action=deploy`} className={`${LINK} border border-border-strong bg-surface hover:bg-surface-2`}>
        Deploy
      </a>
    </span>
  );
}

const ROLLING = new Set(["PENDING", "IN_PROGRESS"]);

/** A deployment is rolling out now: by the service's deployments, or by ECS's service-deployment records. */
export function rolloutInProgress(detail: ServiceDetail): boolean {
  if (detail.row.rollout.kind === "in-progress" || detail.row.rollout.kind === "stuck") return true;
  return detail.serviceDeployments.some((d) => ROLLING.has(d.record.status));
}

export function StopRolloutCard({ serviceRef: ref }: { serviceRef: ServiceRef }) {
  return (
    <Card title="A rollout is in progress" description="Stop it and let ECS roll back to what ran before (StopServiceDeployment)">
      <StopForm hidden={{ ...ref, idempotencyKey: randomUUID() }} />
    </Card>
  );
}
