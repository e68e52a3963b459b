// One answer to "who sent this request?" for the proxy, pages, route handlers and server actions:
// an API token (Authorization: Bearer) or the session cookie. A bearer header that is present wins,
// and a bad one is never silently replaced by the cookie.
import type { AppConfig } from "@/lib/config";
import { actorFromClaims, type Actor, type SessionClaims } from "./actor";
import { sessionClaims } from "./session-cookie";
import { parseBearer, tokenActor } from "./tokens";

export type Authentication =
  /** No credentials; or `rejected` says why the bearer token sent was not accepted. */
  | { kind: "anonymous"; rejected?: string }
  /** Signed in, but no configured rule gives this person a role. */
  | { kind: "no-role"; claims: SessionClaims }
  | { kind: "actor"; actor: Actor };

const ANONYMOUS: Authentication = { kind: "anonymous" };
// A script that sent a token needs to hear that the token is the problem, not to "sign in".
export const TOKEN_NOT_RECOGNISED = "This token is not recognised: it is mistyped, revoked, or its SHA-256 is not in auth.tokens of the configuration";
export const HEADER_NOT_BEARER = "The Authorization header is not a bearer token; send Authorization: Bearer <token>";

export async function authenticate(headers: Pick<Headers, "get">, config: AppConfig): Promise<Authentication> {
  const bearer = parseBearer(headers.get("authorization"));
  if (bearer.kind === "malformed") return { kind: "anonymous", rejected: HEADER_NOT_BEARER };
  if (bearer.kind === "unrecognised") return { kind: "anonymous", rejected: TOKEN_NOT_RECOGNISED };
  if (bearer.kind === "token") {
    const actor = tokenActor(bearer.token, config.auth);
    return actor ? { kind: "actor", actor } : { kind: "anonymous", rejected: TOKEN_NOT_RECOGNISED };
  }
  const claims = await sessionClaims(headers.get("cookie"));
  if (!claims) return ANONYMOUS;
  const actor = actorFromClaims(claims, config.auth);
  return actor ? { kind: "actor", actor } : { kind: "no-role", claims };
}
