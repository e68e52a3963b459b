// Resolves `clientSecretEnv` to the secret it names, so a configuration file can be committed without
// secrets. A named variable that is not set is a start-up error naming the field.
import { ConfigError } from "./config-error";
import type { ParsedAuth } from "./auth-schema";
import type { AuthConfig } from "./types";

type Env = Readonly<Record<string, string | undefined>>;

function secretOf(origin: string, field: string, given: { clientSecret?: string; clientSecretEnv?: string }, env: Env): string {
  if (given.clientSecret !== undefined) return given.clientSecret;
  const name = given.clientSecretEnv ?? "";
  const value = env[name];
  if (!value) throw new ConfigError(`${origin}: ${field}.clientSecretEnv: the environment variable ${name} is not set`);
  return value;
}

export function resolveAuthSecrets(origin: string, auth: ParsedAuth, env: Env): AuthConfig {
  const { oidc, github, ...rest } = auth;
  return {
    ...rest,
    ...(oidc && {
      oidc: {
        name: oidc.name,
        issuer: oidc.issuer,
        clientId: oidc.clientId,
        clientSecret: secretOf(origin, "auth.oidc", oidc, env),
        scope: oidc.scope,
        ...(oidc.groupsClaim && { groupsClaim: oidc.groupsClaim }),
      },
    }),
    ...(github && {
      github: { clientId: github.clientId, clientSecret: secretOf(origin, "auth.github", github, env), organizations: github.organizations },
    }),
  };
}
