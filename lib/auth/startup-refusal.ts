// Reasons the server must not start with this authentication set-up, checked once at start-up
// (instrumentation-node.ts) so a mistake is in the deploy log, not found by the first person signing in.
import { demoUsersRefusal, type AppConfig } from "@/lib/config";

type Env = Readonly<Record<string, string | undefined>>;

export function authStartupRefusal(config: AppConfig, env: Env): string | null {
  const demo = demoUsersRefusal(config, env);
  if (demo) return demo;
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (secret.length < 32) {
    return "NEXTAUTH_SECRET must be set to a random value of at least 32 characters (it encrypts session cookies); `openssl rand -base64 32` makes one";
  }
  if (!env.NEXTAUTH_URL) {
    return "NEXTAUTH_URL must be set to the dashboard's public URL (e.g. https://steadystate.example.com): sign-in redirects and secure cookies depend on it";
  }
  return null;
}
