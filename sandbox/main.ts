// `npm run sandbox`: the ECS + ECR emulator on http://127.0.0.1:4566, seeded with the demo scenario.
// Configuration comes from the environment and is checked up front, with a message naming the variable.
import { isScenarioName, SCENARIO_NAMES } from "./seed/scenarios";
import { startSandbox, type SandboxOptions } from "./server";

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

function readOptions(env: NodeJS.ProcessEnv): SandboxOptions {
  const port = Number(env.SANDBOX_PORT || "4566");
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`SANDBOX_PORT must be a port number (0-65535), got "${env.SANDBOX_PORT}"`);
  const timeScale = Number(env.SANDBOX_TIME_SCALE || "1");
  if (!Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 100_000) {
    fail(`SANDBOX_TIME_SCALE must be a number above 0 and at most 100000 (sandbox seconds per real second), got "${env.SANDBOX_TIME_SCALE}"`);
  }
  const scenario = env.SANDBOX_SCENARIO || "demo";
  if (!isScenarioName(scenario)) fail(`SANDBOX_SCENARIO must be one of ${SCENARIO_NAMES.join(", ")}, got "${scenario}"`);
  return { port, host: env.SANDBOX_HOST || "127.0.0.1", timeScale, scenario };
}

async function main(): Promise<void> {
  const options = readOptions(process.env);
  const started = performance.now();
  const sandbox = await startSandbox(options).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") fail(`port ${options.port} on ${options.host} is already in use; stop the other process or set SANDBOX_PORT`);
    if (error.code === "EADDRNOTAVAIL") fail(`SANDBOX_HOST ${options.host} is not an address of this machine`);
    throw error;
  });
  const seededIn = Math.round(performance.now() - started);
  console.log(`sandbox: ECS + ECR emulator listening on ${sandbox.url} (scenario ${options.scenario}, seeded in ${seededIn} ms, time scale ${options.timeScale}x)`);
  console.log(`sandbox: point the SDK at it with AWS_ENDPOINT_URL_ECS=${sandbox.url} AWS_ENDPOINT_URL_ECR=${sandbox.url} AWS_REGION=ap-south-1`);
  console.log(`sandbox: control API at ${sandbox.url}/_sandbox/ (state, reset, clock, faults, push, crash, counters)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`sandbox: ${signal} received, shutting down`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("sandbox: error while closing:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("sandbox: failed to start:", error);
  process.exit(1);
});
