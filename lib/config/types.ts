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

export interface AppConfig {
  /** At least one, ids unique. */
  environments: EnvironmentConfig[];
  tagPattern: RegExp;
  tagPatternSource: string;
  /** Keyed by ECR repository name; `default` applies to repositories not listed. */
  git: { byRepository: Record<string, GitRepositoryLinks>; default?: GitRepositoryLinks };
  cache: { mutableTtlMs: number; immutableMaxEntries: number };
  aws: { maxConcurrency: number; requestTimeoutMs: number };
  ui: { refreshIntervalMs: number; stuckAfterMs: number };
  deploy: { pollIntervalMs: number; followTimeoutMs: number; leaseTtlMs: number };
}
