// Links from an image's commit to the git host. Templates come from configuration, per ECR repository.

const PLACEHOLDER = /\{([a-z]+)\}/g;

/**
 * Fills `{sha}`, `{base}`, `{head}` and `{repository}` in a URL template, URL-encoding each value. Slashes
 * are kept because ECR repository names are paths (`team/my-api`) that map onto git-host paths.
 * Throws when the template names a placeholder without a value: configuration validation prevents that.
 */
export function renderGitUrl(template: string, vars: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Git URL template "${template}" uses {${name}} but no value was given`);
    return encodeURIComponent(value).replace(/%2F/gi, "/");
  });
}

/** The placeholders a template uses, for configuration validation. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}

export interface GitLinkTemplates {
  commitUrl: string;
  compareUrl: string;
}

export interface GitLinkSettings {
  byRepository: Record<string, GitLinkTemplates>;
  default?: GitLinkTemplates;
}

function templatesFor(git: GitLinkSettings, repository: string): GitLinkTemplates | undefined {
  return Object.hasOwn(git.byRepository, repository) ? git.byRepository[repository] : git.default;
}

/** The commit link for an image of `repository`, or undefined when no template is configured for it. */
export function commitUrlFor(git: GitLinkSettings, repository: string, sha: string): string | undefined {
  const templates = templatesFor(git, repository);
  return templates && renderGitUrl(templates.commitUrl, { sha, repository });
}

/** The compare link between two commits of `repository`, or undefined when no template is configured. */
export function compareUrlFor(git: GitLinkSettings, repository: string, base: string, head: string): string | undefined {
  const templates = templatesFor(git, repository);
  return templates && renderGitUrl(templates.compareUrl, { base, head, repository });
}
