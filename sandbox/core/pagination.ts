// Opaque page tokens (aws-behaviour.md §1.5). A token encodes the offset plus a fingerprint of the
// query, so a token replayed against a different query is rejected like AWS rejects foreign tokens.
import { createHash } from "node:crypto";
import { AwsError, invalidParameter } from "./aws-error";

type ErrorFactory = (message: string) => AwsError;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

function fingerprint(query: string): string {
  return createHash("sha256").update(query).digest("hex").slice(0, 16);
}

/**
 * Slice one page out of `all`. `queryKey` must describe the filters of the request (not the token or
 * page size), so a token is only valid for the query that produced it.
 */
export function paginate<T>(
  all: readonly T[],
  opts: { nextToken?: string; maxResults?: number; defaultPageSize: number; queryKey: string },
  err: ErrorFactory = invalidParameter,
): Page<T> {
  const size = opts.maxResults ?? opts.defaultPageSize;
  let offset = 0;
  if (opts.nextToken) {
    offset = decodeToken(opts.nextToken, opts.queryKey, err);
  }
  const items = all.slice(offset, offset + size);
  const next = offset + size;
  return { items, nextToken: next < all.length ? encodeToken(next, opts.queryKey) : undefined };
}

function encodeToken(offset: number, queryKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint(queryKey) })).toString("base64url");
}

function decodeToken(token: string, queryKey: string, err: ErrorFactory): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown; q?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.q === fingerprint(queryKey)) {
      return parsed.o;
    }
  } catch {
    // fall through to the AWS-shaped error below
  }
  throw err("The specified nextToken is invalid.");
}
