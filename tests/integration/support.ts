// Shared set-up for the integration suite: a sandbox started in-process, the standard AWS
// environment variables pointed at it (exactly how the app reaches the sandbox in the demo), and
// configurations built with the real config loader.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetAwsCaches } from "@/lib/aws";
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

/**
 * One sandbox for the calling test file (started before its tests, closed after), with the SDK
 * pointed at it; every test starts with empty caches, no faults and zeroed call counters.
 * Returns a stand-in that forwards to the sandbox once it has started, so tests can write
 * `sandbox.control…` at the top level of a file.
 */
export function useAppSandbox(opts: TestSandboxOptions): TestSandbox {
  let current: TestSandbox | undefined;
  beforeAll(async () => {
    current = await startSandboxForApp(opts);
  });
  afterAll(async () => {
    resetAwsCaches();
    await current?.close();
  });
  beforeEach(async () => {
    if (!current) throw new Error("the sandbox did not start");
    pointAwsAt(current.endpoint);
    resetAwsCaches();
    await current.control.clearFaults();
    await current.control.resetCounters();
  });
  return new Proxy({} as TestSandbox, {
    get(_target, key: keyof TestSandbox) {
      if (!current) throw new Error("the sandbox is used before beforeAll started it");
      return current[key];
    },
  });
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
