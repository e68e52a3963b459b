// One answer to "who sent this request?" for the proxy, pages, route handlers and server actions:
// an API token (Authorization: Bearer) or the session cookie. A bearer header that is present wins,
// and a bad one is never silently replaced by the cookie.
import type { AppConfig } from "@/lib/config";
import { actorFromClaims, type Actor, type SessionClaims } from "./actor";
import { sessionClaims } from "./session-cookie";
import { parseBearer, tokenActor } from "./tokens";

export type Authentication =
  | { kind: "anonymous" }
  /** Signed in, but no configured rule gives this person a role. */
  | { kind: "no-role"; claims: SessionClaims }
  | { kind: "actor"; actor: Actor };

const ANONYMOUS: Authentication = { kind: "anonymous" };

export async function authenticate(headers: Pick<Headers, "get">, config: AppConfig): Promise<Authentication> {
  const bearer = parseBearer(headers.get("authorization"));
  if (bearer.kind === "malformed") return ANONYMOUS;
  if (bearer.kind === "token") {
    const actor = tokenActor(bearer.token, config.auth);
    return actor ? { kind: "actor", actor } : ANONYMOUS;
  }
  const claims = await sessionClaims(headers.get("cookie"));
  if (!claims) return ANONYMOUS;
  const actor = actorFromClaims(claims, config.auth);
  return actor ? { kind: "actor", actor } : { kind: "no-role", claims };
}
