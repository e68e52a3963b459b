import { type NextRequest, NextResponse } from "next/server";
import { badRequestHtml } from "@/app/_lib/bad-request-page";
import { validateRequest } from "@/app/_lib/validate-request";

/**
 * Rejects malformed page URLs (a bad digest, page=abc, severity=FOO…) with a 400 that names the
 * problem, before the page renders or AWS is called. Pages validate again (defence in depth); the
 * JSON API under /api validates itself and answers in JSON, so it is not matched here.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const result = validateRequest(pathname, searchParams);
  if (result.ok) return NextResponse.next();
  return new NextResponse(badRequestHtml(result.reason, pathname + request.nextUrl.search), {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export const config = {
  matcher: ["/services/:path+", "/repositories/:path+"],
};
