// GitHub sign-in may be limited to members of named organisations. GitHub's /user/orgs lists the
// organisations the token (scope read:org) can see the person in.
export function inAllowedOrganization(memberOf: readonly string[], allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const wanted = new Set(allowed.map((o) => o.toLowerCase()));
  return memberOf.some((o) => wanted.has(o.toLowerCase()));
}

export async function githubOrganizations(accessToken: string): Promise<string[]> {
  const response = await fetch("https://api.github.com/user/orgs?per_page=100", {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json" },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) return [];
  const body = (await response.json()) as Array<{ login?: unknown }>;
  return Array.isArray(body) ? body.flatMap((o) => (typeof o.login === "string" ? [o.login] : [])) : [];
}
