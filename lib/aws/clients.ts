// One ECSClient and one ECRClient per environment, configured the standard way: region from the
// environment config; endpoint, credentials and retry settings from the SDK's own configuration
// chain (AWS_ENDPOINT_URL_ECS / AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL are read by SDK 3.1164
// itself, which is how the sandbox is reached: there is no demo branch here).
import { ECRClient } from "@aws-sdk/client-ecr";
import { ECSClient } from "@aws-sdk/client-ecs";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AppConfig, EnvironmentConfig } from "@/lib/config";
import { recordAwsCall } from "@/lib/observability/aws-calls";

export interface EnvClients {
  ecs: ECSClient;
  ecr: ECRClient;
}

/** Reads and writes are limited separately, so a rollback never waits behind fifty viewers' reads. */
export type CallKind = "read" | "write";

/** Wraps every send (pagination and retries included) so at most N AWS calls of a kind run at once. */
export type SendLimiter = <T>(kind: CallKind, send: () => Promise<T>) => Promise<T>;

// The "initialize" step wraps the whole send, retries included, so a slot is held during backoff.
const LIMIT_STEP = { step: "initialize", name: "steadyStateConcurrencyLimit" } as const;

// ECS and ECR name every read Describe…, List…, Get… or BatchGet…; everything else changes something.
const READ_OPERATION = /^(Describe|List|Get|BatchGet)/;

/** "read" or "write" for an SDK command name such as "UpdateServiceCommand". */
export function callKind(commandName: string | undefined): CallKind {
  return commandName !== undefined && READ_OPERATION.test(commandName) ? "read" : "write";
}

// Inside the limit (lower priority in the same step), so a call's duration is AWS's answer and the SDK's
// retries, not the time it queued for a slot.
const TELEMETRY_STEP = { step: "initialize", name: "steadyStateCallTelemetry", priority: "low" } as const;

/** AWS's exception name (ThrottlingException…), else the network's code (ECONNREFUSED…) for a plain Error. */
function errorCodeOf(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  if (typeof name === "string" && name !== "" && name !== "Error") return name;
  return typeof code === "string" && code !== "" ? code : "Error";
}

function timed<A, R>(next: (args: A) => Promise<R>, service: "ecs" | "ecr", commandName: string | undefined): (args: A) => Promise<R> {
  const operation = (commandName ?? "Unknown").replace(/Command$/, "");
  return async (args) => {
    const start = performance.now();
    try {
      const result = await next(args);
      recordAwsCall({ service, operation, durationMs: performance.now() - start });
      return result;
    } catch (error) {
      recordAwsCall({ service, operation, durationMs: performance.now() - start, errorCode: errorCodeOf(error) });
      throw error;
    }
  };
}

function limited<A, R>(next: (args: A) => Promise<R>, commandName: string | undefined, limit: SendLimiter): (args: A) => Promise<R> {
  const kind = callKind(commandName);
  return (args) => limit(kind, () => next(args));
}

export function createEnvClients(env: EnvironmentConfig, config: AppConfig, limit: SendLimiter): EnvClients {
  const common = {
    region: env.region,
    // An environment in another account is read through a role assumed with the default chain's
    // credentials (STS AssumeRole, refreshed by the provider before expiry).
    credentials: env.roleArn
      ? fromTemporaryCredentials({
          params: { RoleArn: env.roleArn, RoleSessionName: "steady-state" },
          clientConfig: { region: env.region },
        })
      : undefined,
    retryMode: "standard",
    requestHandler: { requestTimeout: config.aws.requestTimeoutMs, connectionTimeout: config.aws.requestTimeoutMs },
  } as const;
  const clients = { ecs: new ECSClient(common), ecr: new ECRClient(common) };
  clients.ecs.middlewareStack.add((next, context) => limited(next, context.commandName, limit), LIMIT_STEP);
  clients.ecr.middlewareStack.add((next, context) => limited(next, context.commandName, limit), LIMIT_STEP);
  clients.ecs.middlewareStack.add((next, context) => timed(next, "ecs", context.commandName), TELEMETRY_STEP);
  clients.ecr.middlewareStack.add((next, context) => timed(next, "ecr", context.commandName), TELEMETRY_STEP);
  return clients;
}

/** The endpoint a service is reached at, for error messages ("Cannot reach ECS at …"). */
export function endpointFor(service: "ecs" | "ecr", region: string): string {
  const specific = process.env[service === "ecs" ? "AWS_ENDPOINT_URL_ECS" : "AWS_ENDPOINT_URL_ECR"];
  const fallback = service === "ecs" ? `https://ecs.${region}.amazonaws.com` : `https://api.ecr.${region}.amazonaws.com`;
  return specific ?? process.env.AWS_ENDPOINT_URL ?? fallback;
}
