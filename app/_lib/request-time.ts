import { connection } from "next/server";

/**
 * Marks the page as rendered per request (its data is live AWS state, never prerendered at build
 * time) and returns the render time. Client clocks (TimeAgo, Freshness) hydrate from this value so
 * the server HTML and the first client render agree, then tick on their own.
 */
export async function requestTime(): Promise<number> {
  await connection();
  return Date.now();
}
