// The validated application configuration. Everything the app reads from the configuration file arrives
// here already checked and defaulted, so no caller re-validates.

export interface EnvironmentConfig {
  /** URL slug, [a-z0-9-]{1,32}. */
  id: string;
  name: string;
  region: string;
  /** 12 digits. */
  accountId?: string;
  /** Role assumed for this environment's AWS calls. */
  roleArn?: string;
  clusters: "all" | string[];
}

/** URL templates: `{sha}` (and `{repository}`) for commits, `{base}` `{head}` (and `{repository}`) for compares. */
export interface GitRepositoryLinks {
  commitUrl: string;
  compareUrl: string;
}

import type { Role } from "@/lib/domain/roles";
import type { NotificationFilters } from "@/lib/domain/webhook-event";

/** A generic OpenID Connect provider (Okta, Google, Entra ID, Cognito, Keycloak…); secret already resolved. */
export interface OidcProviderConfig {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Scopes asked for; add the one that releases groups where the provider needs it (e.g. "groups"). */
  scope: string;
  /** Claim of the ID token / userinfo that lists the person's groups, for `roles[].groups`. */
  groupsClaim?: string;
}

export interface GithubProviderConfig {
  clientId: string;
  clientSecret: string;
  /** When non-empty, only members of one of these organisations may sign in. */
  organizations: string[];
}

/** Who gets `role`: exact emails, email domains or group names (lower-cased emails and domains). */
export interface RoleRule {
  role: Role;
  emails: string[];
  domains: string[];
  groups: string[];
}

/** An API token: only the SHA-256 hex of the token is configured, never the token. */
export interface ApiTokenConfig {
  name: string;
  role: Role;
  sha256: string;
}

export interface AuthConfig {
  /** One-click `viewer`, `deployer` and `admin` users; only against loopback AWS endpoints. */
  demoUsers: boolean;
  oidc?: OidcProviderConfig;
  github?: GithubProviderConfig;
  roles: RoleRule[];
  tokens: ApiTokenConfig[];
}

/** Where notifications go (the `notifications` section); secret and URL already resolved from the environment. */
export interface NotificationTarget {
  id: string;
  kind: "slack" | "webhook";
  url: string;
  /** `whsec_<base64>`, webhooks only. */
  secret?: string;
  filters: NotificationFilters;
}

export interface AppConfig {
  /** At least one, ids unique. */
  environments: EnvironmentConfig[];
  tagPattern: readonly RegExp[];
  tagPatternSource: readonly string[];
  /** Keyed by ECR repository name; `default` applies to repositories not listed. */
  git: { byRepository: Record<string, GitRepositoryLinks>; default?: GitRepositoryLinks };
  cache: { mutableTtlMs: number; immutableMaxEntries: number };
  aws: { maxConcurrency: number; requestTimeoutMs: number };
  ui: { refreshIntervalMs: number; stuckAfterMs: number };
  deploy: { pollIntervalMs: number; followTimeoutMs: number; leaseTtlMs: number };
  auth: AuthConfig;
  notifications: NotificationTarget[];
}
