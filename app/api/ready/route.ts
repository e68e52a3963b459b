// GET /api/ready — the load balancer's readiness probe (target health): 200 while this replica can serve,
// 503 naming what is wrong (the database, the configuration, shutting down) otherwise. Open without a
// session like /api/health, never cached; /api/health stays the liveness check (the process answers).
import { readiness } from "@/lib/queries/readiness";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { ready, problems } = await readiness();
  return Response.json(ready ? { status: "ready" } : { status: "not_ready", problems }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
