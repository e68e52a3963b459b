// ListServiceDeployments and DescribeServiceDeployments: the deployment history of a service.
import { invalidParameter } from "../../core/aws-error";
import type { Input, OperationTable } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { optionalObject, optionalString, optionalStringList, requiredString } from "../../core/validate";
import { renderServiceDeployment, renderServiceDeploymentBrief } from "../render/service-deployment";
import { ecs, findServiceDeployment, readMaxResults } from "./common";

const STATUSES = [
  "PENDING", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED", "IN_PROGRESS",
  "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED",
];

/** Timestamps arrive as epoch seconds (the SDK serialises Dates that way). */
function epochMs(range: Input | undefined, key: string): number | undefined {
  const value = range?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number") throw invalidParameter(`createdAt.${key} must be a timestamp.`);
  return value * 1000;
}

export const serviceDeploymentOperations: OperationTable = {
  ListServiceDeployments(input, ctx) {
    const region = ecs(ctx);
    const cluster = region.cluster(optionalString(input, "cluster"));
    const service = region.service(cluster, requiredString(input, "service"));
    const statuses = optionalStringList(input, "status");
    if (statuses?.some((s) => !STATUSES.includes(s))) throw invalidParameter(`status must be one of ${STATUSES.join(", ")}.`);
    const range = optionalObject(input, "createdAt");
    const after = epochMs(range, "after");
    const before = epochMs(range, "before");
    // Emulator choice: newest first, as the console lists them.
    const matching = [...service.history]
      .reverse()
      .filter((d) => (statuses === undefined || statuses.length === 0 || statuses.includes(d.record.status)))
      .filter((d) => (after === undefined || d.createdAt >= after) && (before === undefined || d.createdAt <= before));
    const page = paginate(matching, {
      nextToken: optionalString(input, "nextToken"),
      maxResults: readMaxResults(input),
      defaultPageSize: 20,
      queryKey: `sd/${service.arn}/${(statuses ?? []).join(",")}/${after ?? ""}/${before ?? ""}`,
    });
    return { serviceDeployments: page.items.map(renderServiceDeploymentBrief), nextToken: page.nextToken };
  },

  DescribeServiceDeployments(input, ctx) {
    const region = ecs(ctx);
    const arns = optionalStringList(input, "serviceDeploymentArns") ?? [];
    if (arns.length === 0) throw invalidParameter("serviceDeploymentArns cannot be empty.");
    if (arns.length > 20) throw invalidParameter("serviceDeploymentArns can have at most 20 items.");
    const serviceDeployments = [];
    const failures = [];
    for (const arn of arns) {
      const d = findServiceDeployment(region, arn);
      if (d) serviceDeployments.push(renderServiceDeployment(d));
      else failures.push({ arn, reason: "MISSING" });
    }
    return { serviceDeployments, failures };
  },
};
