// At server start: one cheap read per environment from ECS and from ECR, to say in the log whether
// the dashboard can reach AWS with the credentials it was given (a wrong role or endpoint shows up at
// deploy time, not on the first page someone opens in an incident). It also takes the SDK's request
// path through its first, slowest call before any viewer does. It never blocks or fails start-up and
// never fills the caches: views still read fresh data.
import { ListClustersCommand } from "@aws-sdk/client-ecs";
import { DescribeRepositoriesCommand } from "@aws-sdk/client-ecr";
import type { AppConfig } from "@/lib/config";
import type { UserFacingError } from "@/lib/errors";
import { toUserFacingError } from "./errors";
import { awsRuntime, envScope } from "./runtime";

export interface AccessCheck {
  envId: string;
  service: "ecs" | "ecr";
  error?: UserFacingError;
}

export async function checkAwsAccess(config: AppConfig): Promise<AccessCheck[]> {
  const rt = awsRuntime(config);
  const checks = config.environments.flatMap((env) => {
    const { clients } = envScope(rt, env);
    const check = async (service: "ecs" | "ecr", call: () => Promise<unknown>): Promise<AccessCheck> => {
      try {
        await call();
        return { envId: env.id, service };
      } catch (error) {
        return { envId: env.id, service, error: toUserFacingError(error, service, env.region) };
      }
    };
    return [
      check("ecs", () => clients.ecs.send(new ListClustersCommand({ maxResults: 1 }))),
      check("ecr", () => clients.ecr.send(new DescribeRepositoriesCommand({ maxResults: 1 }))),
    ];
  });
  return Promise.all(checks);
}

/** One log line per environment: reachable, or what failed and what to do. */
export function describeAccessChecks(checks: readonly AccessCheck[]): string[] {
  const byEnv = new Map<string, AccessCheck[]>();
  for (const check of checks) byEnv.set(check.envId, [...(byEnv.get(check.envId) ?? []), check]);
  return [...byEnv].map(([envId, results]) => {
    const failed = results.filter((r) => r.error);
    if (failed.length === 0) return `Steady State: environment "${envId}": ECS and ECR reachable`;
    return failed
      .map((r) => `Steady State: environment "${envId}": cannot read ${r.service.toUpperCase()}: ${r.error?.message}${r.error?.action ? ` (${r.error.action})` : ""}`)
      .join("\n");
  });
}
