// Starts the sandbox in-process for a test and hands back real SDK clients pointed at it, plus a typed
// client for the /_sandbox/ control API. Tests drive the emulator exactly as the app does: through the SDK.
import { ECRClient } from "@aws-sdk/client-ecr";
import { ECSClient } from "@aws-sdk/client-ecs";
import { startSandbox } from "../../sandbox/server";
import { SandboxControl } from "./sandbox-control";

export { SandboxControl } from "./sandbox-control";

export const TEST_REGION = "ap-south-1";
export const TEST_ACCOUNT = "123456789012";
export const TEST_CREDENTIALS = { accessKeyId: "AKIASANDBOXTEST00001", secretAccessKey: "sandbox" };

export interface TestSandboxOptions {
  scenario?: "empty" | "demo" | "scale";
  /** Default true: the clock moves only through `control.advance()`, so tests are deterministic. */
  frozen?: boolean;
  timeScale?: number;
  scaleOptions?: object;
}

export interface TestSandbox {
  endpoint: string;
  port: number;
  ecs: ECSClient;
  ecr: ECRClient;
  control: SandboxControl;
  close(): Promise<void>;
}

export async function startTestSandbox(opts: TestSandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    scenario: opts.scenario ?? "empty",
    frozen: opts.frozen ?? true,
    timeScale: opts.timeScale,
    scenarioOptions: opts.scaleOptions,
  });
  const clientConfig = { endpoint: sandbox.url, region: TEST_REGION, credentials: TEST_CREDENTIALS };
  const ecs = new ECSClient(clientConfig);
  const ecr = new ECRClient(clientConfig);
  return {
    endpoint: sandbox.url,
    port: sandbox.port,
    ecs,
    ecr,
    control: new SandboxControl(sandbox.url),
    close: async () => {
      ecs.destroy();
      ecr.destroy();
      await sandbox.close();
    },
  };
}
