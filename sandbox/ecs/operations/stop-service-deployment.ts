// StopServiceDeployment (§8.2): ROLLBACK only (the enum's ABORT is documented as not valid); PENDING and
// IN_PROGRESS deployments start rolling back, a stop or rollback already under way is accepted as it is,
// and a finished deployment is refused (going back from there is an UpdateService).
import { invalidParameter } from "../../core/aws-error";
import type { OperationTable } from "../../core/operation";
import { optionalString, requiredString } from "../../core/validate";
import { deploymentFinished, serviceDeploymentNotFound } from "../errors";
import { isFinished } from "../rollout/rollback";
import { requestRollback } from "../rollout/stop";
import { ecs, findServiceDeployment } from "./common";

export const stopServiceDeploymentOperations: OperationTable = {
  StopServiceDeployment(input, ctx) {
    const region = ecs(ctx);
    const arn = requiredString(input, "serviceDeploymentArn");
    const stopType = optionalString(input, "stopType") ?? "ROLLBACK";
    if (stopType !== "ROLLBACK") {
      throw invalidParameter(`stopType ${stopType} is not supported. The valid value is ROLLBACK.`);
    }
    const d = findServiceDeployment(region, arn);
    if (!d) throw serviceDeploymentNotFound();
    const status = d.record.status;
    if (isFinished(status)) throw deploymentFinished(status);
    if (status === "PENDING" || status === "IN_PROGRESS") requestRollback(region.sim, d, ctx.now);
    return { serviceDeploymentArn: arn };
  },
};
