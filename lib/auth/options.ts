// next-auth options built from the configuration. Sessions are JWTs in an HttpOnly, SameSite=Lax
// cookie (Secure when NEXTAUTH_URL is https), holding who the person is, never their role: the role
// is worked out from the configuration on every request (lib/auth/actor.ts).
import type { NextAuthOptions } from "next-auth";
import type { AppConfig } from "@/lib/config";
import type { SessionClaims } from "./actor";
import { githubOrganizations, inAllowedOrganization } from "./github-orgs";
import { GITHUB_PROVIDER, OIDC_PROVIDER, providersFor } from "./providers";
import type { Role } from "@/lib/domain/roles";

const SESSION_HOURS = 12;

function groupsFrom(profile: unknown, claim: string | undefined): string[] {
  if (!claim || typeof profile !== "object" || profile === null) return [];
  const value = (profile as Record<string, unknown>)[claim];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
}

const built = new WeakMap<AppConfig, NextAuthOptions>();

export function authOptions(config: AppConfig): NextAuthOptions {
  const cached = built.get(config);
  if (cached) return cached;
  const options: NextAuthOptions = {
    providers: providersFor(config),
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider === OIDC_PROVIDER) {
          // An unverified email must not match an email or domain rule.
          return (profile as { email_verified?: boolean } | undefined)?.email_verified !== false;
        }
        if (account?.provider === GITHUB_PROVIDER && config.auth.github) {
          const allowed = config.auth.github.organizations;
          if (allowed.length === 0) return true;
          return inAllowedOrganization(await githubOrganizations(account.access_token ?? ""), allowed);
        }
        return true;
      },
      jwt({ token, account, profile, user }) {
        if (!account) return token;
        const claims: SessionClaims = {
          provider: account.provider,
          name: token.name ?? token.email ?? "unknown",
          ...(token.email && { email: token.email }),
          groups: account.provider === OIDC_PROVIDER ? groupsFrom(profile, config.auth.oidc?.groupsClaim) : [],
          ...((user as { demoRole?: Role }).demoRole && { demoRole: (user as { demoRole?: Role }).demoRole }),
        };
        return { ...token, ...claims };
      },
    },
  };
  built.set(config, options);
  return options;
}
