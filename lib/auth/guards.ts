// The checks every route handler, page, server action and lib/deploy verb makes (again), so one
// missing check in the proxy is not a hole. Errors are typed so each caller maps them to its answer:
// 401/403 JSON in the API, a redirect on pages, a refusal message in server actions.
import { headers } from "next/headers";
import { cache } from "react";
import { getConfig, type AppConfig } from "@/lib/config";
import type { Actor } from "./actor";
import { authenticate, type Authentication } from "./authenticate";
import { roleAtLeast, type Role } from "./roles";

export class UnauthenticatedError extends Error {
  override readonly name = "UnauthenticatedError";
  readonly status = 401;
  constructor() {
    super("Sign in first (or send Authorization: Bearer <token>)");
  }
}

export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
  readonly status = 403;
  constructor(readonly needed: Role, readonly actor: Actor | null) {
    super(actor ? `This needs the ${needed} role; ${actor.name} has ${actor.role}` : `This needs the ${needed} role; you have no role`);
  }
}

/** The actor, when it has at least `min`; otherwise throws UnauthenticatedError (no actor) or ForbiddenError. */
export function requireRole(actor: Actor | null, min: Role): Actor {
  if (actor === null) throw new UnauthenticatedError();
  if (!roleAtLeast(actor.role, min)) throw new ForbiddenError(min, actor);
  return actor;
}

/** requireRole for an Authentication: a signed-in person without a role is forbidden, not anonymous. */
export function authorize(auth: Authentication, min: Role): Actor {
  if (auth.kind === "no-role") throw new ForbiddenError(min, null);
  return requireRole(auth.kind === "actor" ? auth.actor : null, min);
}

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
