// A real next-auth session cookie for route handlers called directly: the JWT next-auth itself would
// write at sign-in, encrypted with the NEXTAUTH_SECRET the test process sets.
import { encode } from "next-auth/jwt";
import type { SessionClaims } from "@/lib/auth/actor";

const SECRET = "integration-only-session-secret-0123456789";

export async function sessionCookie(claims: SessionClaims): Promise<string> {
  process.env.NEXTAUTH_SECRET = SECRET;
  const jwt = await encode({ token: { ...claims }, secret: SECRET });
  return `next-auth.session-token=${jwt}`;
}
