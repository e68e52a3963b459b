// GET /api/health — for load balancers: answers while the process serves requests. Open without a
// session, so it says nothing about the configuration, AWS or the people using the dashboard.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
