// Links between the plan page's targets: each candidate re-plans through the page's own query string
// (`?revision=` | `?container=&tag=` | `?container=&digest=`), the same one GET …/plan takes.
import type { ServiceRef, TargetInput } from "@/lib/deploy";

export type PlanAction = "rollback" | "deploy";

export function servicePath(ref: ServiceRef): string {
  return `/services/${encodeURIComponent(ref.env)}/${encodeURIComponent(ref.cluster)}/${encodeURIComponent(ref.service)}`;
}

export function planHref(ref: ServiceRef, target: TargetInput, action: PlanAction = "rollback"): string {
  const query = new URLSearchParams();
  if ("revision" in target) query.set("revision", target.revision);
  if ("container" in target) query.set("container", target.container);
  if ("tag" in target) query.set("tag", target.tag);
  if ("digest" in target) query.set("digest", target.digest);
  if (action === "deploy") query.set("action", "deploy");
  const text = query.toString();
  return `${servicePath(ref)}/rollback${text ? `?${text}` : ""}`;
}
