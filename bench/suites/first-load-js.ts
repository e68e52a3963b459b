// First-load JavaScript per route, measured the way a browser pays for it: every script the HTML
// references, gzipped. (Next 16's build output no longer prints per-route sizes.)
import { gzipSync } from "node:zlib";
import { BENCH_AUTH_HEADERS } from "../lib/bench-auth";

export async function firstLoadJsKb(appUrl: string, path: string): Promise<number> {
  const html = await (await fetch(appUrl + path, { headers: BENCH_AUTH_HEADERS })).text();
  const sources = new Set<string>();
  for (const [, attributes = ""] of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
    // noModule polyfills are never loaded by the browsers this dashboard supports.
    if (src && !/\bnomodule\b/i.test(attributes)) sources.add(src);
  }
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replaceAll("&amp;", "&"), appUrl))).arrayBuffer());
    bytes += gzipSync(body).byteLength;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}
