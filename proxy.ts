import { type NextRequest, NextResponse } from "next/server";
import { adminOnly, badRequest, crossSiteRefused, malformedSegment, noRole, signInFirst } from "@/app/_lib/proxy-answers";
import { roleAtLeast } from "@/lib/domain/roles";
import { validateRequest } from "@/app/_lib/validate-request";
import { authenticate } from "@/lib/auth/authenticate";
import { contentSecurityPolicy, HSTS, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/auth/security-headers";
import { getConfig } from "@/lib/config";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/observability/request-id";

/** Open without a session: the sign-in flow and the health and readiness probes, which reveal nothing. */
const OPEN = [/^\/signin$/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/ready$/];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isCrossSite(request: NextRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Every request but static files passes here first: malformed URLs get a 400 naming the problem
 * (JSON under /api, HTML for pages), cross-site POSTs are refused, unauthenticated requests go to
 * sign-in (pages) or get 401 (API), and every answer carries the security headers with a fresh CSP
 * nonce and the request id. Pages and route handlers check the session and role again (lib/auth/guards.ts).
 */
const ADMIN_ONLY = /^\/admin(\/|$)/;

export async function proxy(request: NextRequest): Promise<Response> {
  const csp = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  // One id per request, on the request the routes see and on the answer (and so in the access log line).
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  const response = withSecurityHeaders(await decide(request, csp, requestId), request, csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

async function decide(request: NextRequest, csp: string, requestId: string): Promise<Response> {
  const { pathname, searchParams } = request.nextUrl;
  // Next takes the nonce for its own scripts from the CSP request header.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set(REQUEST_ID_HEADER, requestId);
  const malformed = malformedSegment(pathname);
  if (malformed !== null) return badRequest(request, `Path segment ${JSON.stringify(malformed)} is not valid percent-encoding`, headers);
  if (isCrossSite(request)) return crossSiteRefused(request);
  if (!OPEN.some((open) => open.test(pathname))) {
    const auth = await authenticate(request.headers, getConfig());
    if (auth.kind === "anonymous") return signInFirst(request, auth.rejected);
    if (auth.kind === "no-role" && pathname !== "/no-role") return noRole(request);
    // Admin pages answer 403 to viewers and deployers here, before rendering (the page checks again).
    if (ADMIN_ONLY.test(pathname) && auth.kind === "actor" && !roleAtLeast(auth.actor.role, "admin")) return adminOnly(request);
  }
  const check = validateRequest(pathname, searchParams);
  if (!check.ok) return badRequest(request, check.reason, headers);
  return NextResponse.next({ request: { headers } });
}

function withSecurityHeaders(response: Response, request: NextRequest, csp: string): Response {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
