// Resolves each notification target's `secretEnv` and `urlEnv` from the environment, like the sign-in
// secrets (auth-secrets.ts), and checks what only the resolved values and the whole file can show: the
// secret's `whsec_<base64>` form, the URL from urlEnv, and filters naming configured environments.
// Messages name the field and the variable, never a secret.
import { parseWebhookSecret, WebhookSecretError } from "@/lib/domain/webhook-signature";
import { ConfigError } from "./config-error";
import { targetUrlProblem, type ParsedNotifications } from "./notifications-schema";
import type { NotificationTarget } from "./types";

type Env = Readonly<Record<string, string | undefined>>;

function fromEnv(origin: string, field: string, name: string, env: Env): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${origin}: ${field}: the environment variable ${name} is not set`);
  return value;
}

export function resolveNotifications(origin: string, targets: ParsedNotifications, environmentIds: readonly string[], env: Env): NotificationTarget[] {
  return targets.map((t, i) => {
    const at = `notifications[${i}]`;
    (t.filters.environments ?? []).forEach((id, j) => {
      if (!environmentIds.includes(id)) throw new ConfigError(`${origin}: ${at}.filters.environments[${j}]: Unknown environment ${JSON.stringify(id)}; configured: ${environmentIds.join(", ")}`);
    });
    const url = t.url ?? fromEnv(origin, `${at}.urlEnv`, t.urlEnv ?? "", env);
    const urlProblem = t.urlEnv ? targetUrlProblem(url) : undefined;
    if (urlProblem) throw new ConfigError(`${origin}: ${at}.urlEnv: the URL in ${t.urlEnv}: ${urlProblem}`);
    const target: NotificationTarget = { id: t.id, kind: t.kind, url, filters: t.filters };
    if (t.secretEnv) {
      const secret = fromEnv(origin, `${at}.secretEnv`, t.secretEnv, env);
      try {
        parseWebhookSecret(secret);
      } catch (error) {
        if (!(error instanceof WebhookSecretError)) throw error;
        throw new ConfigError(`${origin}: ${at}.secretEnv: the secret in ${t.secretEnv}: ${error.message}`);
      }
      target.secret = secret;
    }
    return target;
  });
}
