// The role check every route, page, server action and lib/deploy verb makes (again), so one missing
// check in the proxy is not a hole. Pure: the errors are lib/errors' own, which every caller maps to its
// answer through describeError (401/403 JSON in the API, a redirect on pages, a message in actions).
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { Actor } from "./actor";
import type { Authentication } from "./authenticate";
import { roleAtLeast, type Role } from "@/lib/domain/roles";

/** The actor, when it has at least `min`; otherwise UnauthenticatedError (no actor) or ForbiddenError. */
export function requireRole(actor: Actor | null, min: Role): Actor {
  if (actor === null) throw new UnauthenticatedError("Sign in first (or send Authorization: Bearer <token>)");
  if (!roleAtLeast(actor.role, min)) throw new ForbiddenError(`This needs the ${min} role; ${actor.name} has ${actor.role}`);
  return actor;
}

/** requireRole for an Authentication: a signed-in person without a role is forbidden, not anonymous. */
export function authorize(auth: Authentication, min: Role): Actor {
  if (auth.kind === "no-role") throw new ForbiddenError(`This needs the ${min} role; you have no role`);
  if (auth.kind === "anonymous" && auth.rejected) throw new UnauthenticatedError(auth.rejected);
  return requireRole(auth.kind === "actor" ? auth.actor : null, min);
}
