// The answers proxy.ts gives before a request reaches a page or route handler.
import { NextResponse, type NextRequest } from "next/server";
import { forbiddenResponse, unauthenticatedResponse, errorResponse } from "@/app/api/v1/_lib/api-route";
import { badRequestHtml } from "./bad-request-page";

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

export function badRequest(request: NextRequest, reason: string): Response {
  const { pathname, search } = request.nextUrl;
  if (isApiPath(pathname)) return errorResponse(400, { error: { code: "bad_request", message: reason } });
  return new NextResponse(badRequestHtml(reason, pathname + search), {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** Not signed in: pages go to sign-in and come back afterwards; the API answers 401 JSON. */
export function signInFirst(request: NextRequest): Response {
  const { pathname, search } = request.nextUrl;
  if (isApiPath(pathname)) return unauthenticatedResponse();
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
