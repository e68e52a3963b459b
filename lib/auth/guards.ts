// Who sent the request, for pages, server actions and route handlers (reads Next's request headers);
// the role checks themselves are pure, in require-role.ts.
import { headers } from "next/headers";
import { cache } from "react";
import { getConfig, type AppConfig } from "@/lib/config";
import type { Actor } from "./actor";
import { authenticate, type Authentication } from "./authenticate";

export { authorize, requireRole } from "./require-role";

/** Who sent the current request, for server components and server actions (memoised per request). */
export const currentAuthentication = cache(async (): Promise<Authentication> => authenticate(await headers(), getConfig()));

export async function currentActor(): Promise<Actor | null> {
  const auth = await currentAuthentication();
  return auth.kind === "actor" ? auth.actor : null;
}

/** Who sent a route handler's request: the session cookie or `Authorization: Bearer`. */
export async function actorFromRequest(request: Request, config: AppConfig = getConfig()): Promise<Actor | null> {
  const auth = await authenticate(request.headers, config);
  return auth.kind === "actor" ? auth.actor : null;
}
