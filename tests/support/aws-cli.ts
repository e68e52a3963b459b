// Runs the real AWS CLI against a sandbox, isolated from the developer's own AWS configuration.
import { execFile } from "node:child_process";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function awsCli(endpoint: string, args: string[], opts: { timeoutMs?: number; accessKeyId?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    AWS_ACCESS_KEY_ID: opts.accessKeyId ?? "AKIASANDBOXTEST00001",
    AWS_SECRET_ACCESS_KEY: "sandbox",
    AWS_DEFAULT_REGION: "ap-south-1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_PAGER: "",
    ...opts.env,
  };
  return new Promise((resolve, reject) => {
    execFile(
      "aws",
      ["--endpoint-url", endpoint, "--output", "json", ...args],
      { env, timeout: opts.timeoutMs ?? 30_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}
