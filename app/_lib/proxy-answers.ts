// The answers proxy.ts gives before a request reaches a page or route handler.
import { NextResponse, type NextRequest } from "next/server";
import { forbiddenResponse, unauthenticatedResponse, errorResponse } from "@/app/api/v1/_lib/api-route";

export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** A path segment with a malformed percent-encoding (`%ff`, a bare `%`) cannot name anything. */
export function malformedSegment(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

/**
 * A request whose address is not valid: JSON under /api; pages are rewritten to /bad-request with status
 * 400, rendered inside the app's layout (header, styles). `requestHeaders` carries the CSP nonce.
 */
export function badRequest(request: NextRequest, reason: string, requestHeaders: Headers): Response {
  const { pathname, search } = request.nextUrl;
  if (isApiPath(pathname)) return errorResponse(400, { error: { code: "bad_request", message: reason } });
  const target = new URL("/bad-request", request.nextUrl);
  target.search = new URLSearchParams({ reason, path: pathname + search }).toString();
  return NextResponse.rewrite(target, { status: 400, headers: { "cache-control": "no-store" }, request: { headers: requestHeaders } });
}

/**
 * Not signed in: pages go to sign-in and come back afterwards; the API answers 401 JSON. A bearer token
 * that was sent and refused (`rejected` says why) is answered 401 with that reason everywhere: only
 * scripts send one, and sign-in is not what they need.
 */
export function signInFirst(request: NextRequest, rejected?: string): Response {
  const { pathname, search } = request.nextUrl;
  if (isApiPath(pathname)) return rejected ? unauthenticatedResponse(rejected) : unauthenticatedResponse();
  if (rejected) return new NextResponse(rejected, { status: 401, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "www-authenticate": 'Bearer realm="steady-state"' } });
  const target = new URL("/signin", request.nextUrl);
  target.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(target, 303);
}

/** Signed in without a role: a page that says so, or 403 in the API. */
export function noRole(request: NextRequest): Response {
  if (isApiPath(request.nextUrl.pathname)) return forbiddenResponse("You are signed in, but no role is configured for you");
  return NextResponse.redirect(new URL("/no-role", request.nextUrl), 303);
}

/** A page only admins may open, asked for by a viewer or deployer. */
export function adminOnly(request: NextRequest): Response {
  const message = "Only an admin may open this page";
  if (isApiPath(request.nextUrl.pathname)) return forbiddenResponse(message);
  return new NextResponse(message, { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

export function crossSiteRefused(request: NextRequest): Response {
  const message = "Cross-site requests may not change anything here";
  if (isApiPath(request.nextUrl.pathname)) return forbiddenResponse(message);
  return new NextResponse(message, { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
