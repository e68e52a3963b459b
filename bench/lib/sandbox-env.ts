// How everything in the bench reaches the sandbox: the standard AWS SDK settings, with throw-away
// credentials (the sandbox checks no signature).
export const BENCH_REGION = "ap-south-1";
export const BENCH_CREDENTIALS = { accessKeyId: "AKIASANDBOXBENCH0001", secretAccessKey: "sandbox-bench-not-a-secret" };

/** SDK client options for a client the bench itself uses. */
export const benchClientConfig = (sandboxUrl: string) => ({ endpoint: sandboxUrl, region: BENCH_REGION, credentials: BENCH_CREDENTIALS });

/** The environment variables that point the dashboard's SDK clients at the sandbox. */
export const benchAwsEnv = (sandboxUrl: string) => ({
  AWS_REGION: BENCH_REGION,
  AWS_ENDPOINT_URL_ECS: sandboxUrl,
  AWS_ENDPOINT_URL_ECR: sandboxUrl,
  AWS_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey,
});
