// Demo users let anyone in with one click, so they may only exist while the dashboard talks to a
// sandbox on this machine. Start-up calls this and refuses to run when it returns a reason.
import type { AppConfig } from "./types";

type Env = Readonly<Record<string, string | undefined>>;

const ENDPOINT_VARIABLES = ["AWS_ENDPOINT_URL_ECS", "AWS_ENDPOINT_URL_ECR"] as const;

function isLoopbackUrl(value: string): boolean {
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Why demo users must not be enabled with this environment, or null when they may. */
export function demoUsersRefusal(config: Pick<AppConfig, "auth">, env: Env): string | null {
  if (!config.auth.demoUsers) return null;
  for (const name of ENDPOINT_VARIABLES) {
    // The SDK falls back to the global AWS_ENDPOINT_URL, then to real AWS.
    const value = env[name] ?? env.AWS_ENDPOINT_URL;
    if (!value) return `demo users are enabled (auth.demoUsers) but ${name} is not set, so AWS calls would go to real AWS; demo users are only allowed against a sandbox on a loopback address`;
    if (!isLoopbackUrl(value)) return `demo users are enabled (auth.demoUsers) but ${name}=${value} is not a loopback address; demo users are only allowed against a sandbox on this machine`;
  }
  return null;
}
