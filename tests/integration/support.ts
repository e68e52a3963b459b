// Shared set-up for the integration suite: a sandbox started in-process, the standard AWS
// environment variables pointed at it (exactly how the app reaches the sandbox in the demo), and
// configurations built with the real config loader.
import { loadConfig, type AppConfig, type EnvironmentConfig } from "@/lib/config";
import { startTestSandbox, TEST_CREDENTIALS, TEST_REGION, type TestSandbox, type TestSandboxOptions } from "../support/sandbox";
import type { Counters } from "../support/sandbox-control";

export function pointAwsAt(endpoint: string): void {
  process.env.AWS_ENDPOINT_URL_ECS = endpoint;
  process.env.AWS_ENDPOINT_URL_ECR = endpoint;
  process.env.AWS_REGION = TEST_REGION;
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_ENDPOINT_URL;
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.STEADYSTATE_CONFIG;
}

export async function startSandboxForApp(opts: TestSandboxOptions): Promise<TestSandbox> {
  const sandbox = await startTestSandbox(opts);
  pointAwsAt(sandbox.endpoint);
  return sandbox;
}

/** The built-in demo configuration (one environment "sandbox", all clusters), with overrides. */
export function demoConfig(overrides: { environments?: EnvironmentConfig[]; mutableTtlMs?: number } = {}): AppConfig {
  const base = loadConfig({ env: { AWS_REGION: TEST_REGION } });
  return {
    ...base,
    ...(overrides.environments && { environments: overrides.environments }),
    cache: { ...base.cache, ...(overrides.mutableTtlMs !== undefined && { mutableTtlMs: overrides.mutableTtlMs }) },
  };
}

export function sandboxEnvironment(overrides: Partial<EnvironmentConfig> = {}): EnvironmentConfig {
  return { id: "sandbox", name: "Sandbox", region: TEST_REGION, accountId: "123456789012", clusters: "all", ...overrides };
}

/** Calls per operation, leaving out operations with none. */
export function callsByOperation(counters: Counters): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counters.operations)
      .filter(([, c]) => c.calls > 0)
      .map(([op, c]) => [op, c.calls]),
  );
}

export function callsOf(counters: Counters, operation: string): number {
  return counters.operations[operation]?.calls ?? 0;
}
