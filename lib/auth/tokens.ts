// API tokens for scripts and chat bots: `Authorization: Bearer <token>`. The configuration holds only
// each token's SHA-256, so a check is one hash and one map look-up (no scan over the tokens), with a
// constant-time comparison of the hashes before the token is accepted.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiTokenConfig, AuthConfig } from "@/lib/config";
import type { Actor } from "./actor";

export const TOKEN_PREFIX = "sst_";
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random token (256 bits) and the configuration entry that accepts it. */
export function newToken(name: string, role: ApiTokenConfig["role"]): { token: string; entry: ApiTokenConfig } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, entry: { name, role, sha256: hashToken(token) } };
}

export type BearerParse = { kind: "none" } | { kind: "malformed" } | { kind: "unrecognised" } | { kind: "token"; token: string };

/**
 * Reads an Authorization header: absent, not a bearer header at all, a bearer token that cannot be one of
 * ours (a pasted GitHub token, a truncated copy: told "not recognised", like a wrong token), or the token.
 */
export function parseBearer(header: string | null | undefined): BearerParse {
  if (header === null || header === undefined || header === "") return { kind: "none" };
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!match?.[1]) return { kind: "malformed" };
  if (!TOKEN_SHAPE.test(match[1])) return { kind: "unrecognised" };
  return { kind: "token", token: match[1] };
}

const indexes = new WeakMap<readonly ApiTokenConfig[], Map<string, ApiTokenConfig>>();

function indexOf(tokens: readonly ApiTokenConfig[]): Map<string, ApiTokenConfig> {
  let index = indexes.get(tokens);
  if (!index) {
    index = new Map(tokens.map((t) => [t.sha256, t]));
    indexes.set(tokens, index);
  }
  return index;
}

/** The token's actor (its name is the actor in the audit trail), or null for an unknown token. */
export function tokenActor(token: string, auth: AuthConfig): Actor | null {
  const hash = hashToken(token);
  const entry = indexOf(auth.tokens).get(hash);
  if (!entry || !timingSafeEqual(Buffer.from(hash, "hex"), Buffer.from(entry.sha256, "hex"))) return null;
  return { kind: "token", name: entry.name, provider: "token", role: entry.role };
}
