// The lifecycle policy of a repository (GetLifecyclePolicy); no policy is a normal state.
import { GetLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import { hasErrorCode } from "./errors";
import { cacheKey, type EnvScope } from "./runtime";

/** The policy JSON text, or undefined when the repository has none. */
export function getLifecyclePolicyText(scope: EnvScope, repository: string): Promise<string | undefined> {
  return scope.rt.mutable.get(
    cacheKey(scope, "ecr", "lifecycle", repository),
    async () => {
      try {
        const out = await scope.clients.ecr.send(new GetLifecyclePolicyCommand({ repositoryName: repository }));
        return out.lifecyclePolicyText;
      } catch (error) {
        if (hasErrorCode(error, "LifecyclePolicyNotFoundException")) return undefined;
        throw error;
      }
    },
    scope.fresh,
  );
}
