// How a sign-in provider is named to people.
const LABELS: Record<string, string> = { demo: "Demo user", github: "GitHub", token: "API token" };

export function providerLabel(provider: string, oidcName: string | undefined): string {
  if (provider === "oidc") return oidcName ?? "Single sign-on";
  return LABELS[provider] ?? provider;
}
