// Reads the next-auth session cookie (an encrypted JWT) from a Cookie header. The JWT is checked by
// next-auth (decryption with NEXTAUTH_SECRET, expiry); its claims are checked again here with zod, so
// a token written by another version of the app cannot pass as a session.
import { getToken } from "next-auth/jwt";
import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import type { SessionClaims } from "./actor";

const claimsSchema = z.object({
  provider: z.string().min(1),
  name: z.string().min(1),
  email: z.string().optional(),
  groups: z.array(z.string()).default([]),
  demoRole: z.enum(ROLES).optional(),
});

export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A cookie that is not valid percent-encoding is not ours; ignore it.
    }
  }
  return cookies;
}

export async function sessionClaims(cookieHeader: string | null): Promise<SessionClaims | null> {
  if (!cookieHeader?.includes("next-auth.session-token")) return null;
  // No headers are passed on purpose: next-auth would otherwise read `Authorization: Bearer` as a
  // session JWT, and bearer values are API tokens here.
  const req = { cookies: parseCookieHeader(cookieHeader), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  // getToken answers null for a cookie that does not decrypt or has expired.
  const parsed = claimsSchema.safeParse(await getToken({ req }));
  if (!parsed.success) return null;
  const { email, demoRole, ...rest } = parsed.data;
  return { ...rest, ...(email && { email }), ...(demoRole && { demoRole }) };
}
