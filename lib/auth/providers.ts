// The next-auth providers the configuration enables: a generic OpenID Connect provider, GitHub, and
// the one-click demo users. Authorization code flow with PKCE and state, as next-auth does them.
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { demoUsersRefusal, type AppConfig, type OidcProviderConfig } from "@/lib/config";
import { DEMO_PROVIDER } from "./actor";
import { ROLES } from "@/lib/domain/roles";

export const OIDC_PROVIDER = "oidc";
export const GITHUB_PROVIDER = "github";

const oidcProfile = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
});

function oidcProvider(oidc: OidcProviderConfig): Provider {
  return {
    id: OIDC_PROVIDER,
    name: oidc.name,
    type: "oauth",
    wellKnown: `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: oidc.scope } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(raw) {
      const profile = oidcProfile.parse(raw);
      return { id: profile.sub, name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub, email: profile.email ?? null };
    },
  };
}

const demoRole = z.object({ role: z.enum(ROLES) });

function demoProvider(config: AppConfig): Provider {
  return CredentialsProvider({
    id: DEMO_PROVIDER,
    name: "Demo users",
    credentials: { role: { label: "Role", type: "text" } },
    // Checked again at sign-in time: demo users never work against a real AWS endpoint.
    authorize(credentials) {
      if (!config.auth.demoUsers || demoUsersRefusal(config, process.env)) return null;
      const parsed = demoRole.safeParse(credentials);
      if (!parsed.success) return null;
      const { role } = parsed.data;
      return { id: `demo-${role}`, name: `Demo ${role}`, email: `${role}@demo.steadystate.invalid`, demoRole: role };
    },
  });
}

export function providersFor(config: AppConfig): Provider[] {
  const { oidc, github, demoUsers } = config.auth;
  const providers: Provider[] = [];
  if (oidc) providers.push(oidcProvider(oidc));
  if (github) {
    const scope = github.organizations.length > 0 ? "read:user user:email read:org" : "read:user user:email";
    providers.push(GitHubProvider({ clientId: github.clientId, clientSecret: github.clientSecret, authorization: { params: { scope } } }));
  }
  if (demoUsers) providers.push(demoProvider(config));
  return providers;
}
