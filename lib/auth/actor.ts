// Who is acting: a signed-in person or an API token. The role is never stored in the session: it is
// worked out from the configuration on every request, so removing someone takes effect at once.
import type { AuthConfig } from "@/lib/config";
import { roleFor } from "./role-mapping";
import type { Role } from "@/lib/domain/roles";

export type Actor = { kind: "user" | "token"; name: string; email?: string; provider: string; role: Role };

/** What the session cookie (a next-auth JWT) says about the person, as written at sign-in. */
export interface SessionClaims {
  provider: string;
  name: string;
  email?: string;
  groups: string[];
  /** Only for the demo provider: the demo user's fixed role. */
  demoRole?: Role;
}

export const DEMO_PROVIDER = "demo";

/** The actor for a session, or null when no rule gives the person a role (or demo users are off). */
export function actorFromClaims(claims: SessionClaims, auth: AuthConfig): Actor | null {
  const role = claims.provider === DEMO_PROVIDER ? (auth.demoUsers ? (claims.demoRole ?? null) : null) : roleFor(claims, auth.roles);
  if (role === null) return null;
  return { kind: "user", name: claims.name, ...(claims.email && { email: claims.email }), provider: claims.provider, role };
}
