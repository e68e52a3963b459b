// DescribeServiceRevisions: the revision each deployment rolled out. Every deployment is one revision
// (a circuit-breaker rollback re-promotes the old deployment, so it points back at the old revision),
// which is what lets a client follow deployment → revision → task definition and image digests.
import { invalidParameter } from "../../core/aws-error";
import type { OperationTable } from "../../core/operation";
import { optionalStringList } from "../../core/validate";
import { renderServiceRevision } from "../render/service-revision";
import { ecs, historyOf } from "./common";

// Emulator choice: AWS documents the 20-ARN limit but not the wording of either message.
const MAX_ARNS = 20;

export const serviceRevisionOperations: OperationTable = {
  DescribeServiceRevisions(input, ctx) {
    const region = ecs(ctx);
    const arns = optionalStringList(input, "serviceRevisionArns") ?? [];
    if (arns.length === 0) throw invalidParameter("serviceRevisionArns cannot be empty.");
    if (arns.length > MAX_ARNS) throw invalidParameter(`serviceRevisionArns can have at most ${MAX_ARNS} items.`);
    const serviceRevisions = [];
    const failures = [];
    for (const arn of arns) {
      const revision = historyOf(region, arn, "service-revision")?.find((d) => d.revisionArn === arn);
      if (revision) serviceRevisions.push(renderServiceRevision(revision));
      else failures.push({ arn, reason: "MISSING" });
    }
    return { serviceRevisions, failures };
  },
};
