// The IAM check in front of every AWS call, made before the operation runs so a denied call changes
// nothing. Denials carry AWS's AccessDeniedException text for an identity-based-policy miss, e.g.
// "User: arn:aws:iam::123456789012:user/ro is not authorized to perform: ecs:UpdateService on resource:
// arn:aws:ecs:…:service/production/web because no identity-based policy allows the ecs:UpdateService action".
import { AwsError } from "../core/aws-error";
import type { Input, RegionWorld } from "../core/operation";
import type { ServiceName } from "../wire/target";
import { allows, principalArn, type IamIdentities } from "./identities";
import { requiredPermissions } from "./required-permissions";

export interface AuthorizedCall {
  accessKeyId?: string;
  service: ServiceName;
  operation: string;
  input: Input;
  world: RegionWorld;
}

export function authorize(identities: IamIdentities, call: AuthorizedCall): void {
  const identity = call.accessKeyId === undefined ? undefined : identities.identity(call.accessKeyId);
  if (!identity) return;
  for (const wanted of requiredPermissions(call.service, call.operation, call.input, call.world)) {
    if (allows(identity, wanted)) continue;
    throw new AwsError(
      "AccessDeniedException",
      `User: ${principalArn(identity, call.world.account)} is not authorized to perform: ${wanted.action} on resource: ${wanted.resource} because no identity-based policy allows the ${wanted.action} action`,
    );
  }
}
